import { describe, expect, it } from 'vitest'
import type { GameChatEvent, GameSecretEvent, GameState } from '../../src/shared/game/protocol'
import type { GameSettings } from '../../src/shared/game/settings'
import { ManualClock } from './clock'
import { GameRoom, REVEAL_MS, type GameData, type GameOutput } from './gameRoom'

const settings: GameSettings = {
  rounds: 2,
  drawTimeSec: 60,
  wordChoices: 2,
  hints: 0,
  language: 'en',
  customWords: ['rocket', 'castle', 'tiger'],
  customOnly: true,
}

function recorder() {
  const states: Array<GameState | null> = []
  const secrets: Array<{ to: string; secret: GameSecretEvent }> = []
  const chat: Array<{ to: string | 'room'; line: GameChatEvent }> = []
  let saved: GameData | null = null
  const out: GameOutput = {
    toRoom: (event, payload) => {
      if (event === 'game:state') states.push((payload as { state: GameState | null }).state)
      else chat.push({ to: 'room', line: payload as GameChatEvent })
    },
    toPeer: (to, event, payload) => {
      if (event === 'game:secret') secrets.push({ to, secret: payload as GameSecretEvent })
      else chat.push({ to, line: payload as GameChatEvent })
    },
    saved: (data) => {
      saved = data
    },
  }
  return { out, states, secrets, chat, last: () => states[states.length - 1], saved: () => saved }
}

function game(players = ['a', 'b', 'c']) {
  const clock = new ManualClock()
  const rec = recorder()
  const room = GameRoom.start({
    gameId: 'g',
    roomId: 'r',
    startedBy: players[0],
    settings,
    members: players.map((id) => ({ id, name: id.toUpperCase() })),
    clock,
    out: rec.out,
    random: () => 0,
  })
  return { clock, rec, room }
}

const wordOf = (rec: ReturnType<typeof recorder>): string => {
  const s = rec.secrets.filter((x) => 'word' in x.secret).at(-1)?.secret
  if (!s || !('word' in s)) throw new Error('no word yet')
  return s.word
}

describe('GameRoom', () => {
  it('a drawer who leaves ends the turn at once, without drawer points', () => {
    const { rec, room } = game()
    room.choose('a', 1, 0)
    room.guess('b', wordOf(rec))
    room.memberLeft('a')
    const state = rec.last()
    expect(state?.phase).toBe('reveal')
    expect(state?.gains).toEqual([{ id: 'b', points: 300 }])
    expect(state?.players.find((p) => p.id === 'a')?.present).toBe(false)
  })

  it('a joiner mid-turn watches this turn and guesses from the next one', () => {
    const { clock, rec, room } = game(['a', 'b'])
    room.choose('a', 1, 0)
    room.memberJoined({ id: 'd', name: 'D' })
    expect(room.guess('d', wordOf(rec))).toBe('ignored')
    expect(rec.last()?.players.map((p) => p.id)).toEqual(['a', 'b', 'd'])
    // b alone was a guesser of turn 1: their guess ends it.
    expect(room.guess('b', wordOf(rec))).toBe('correct')
    expect(rec.last()?.phase).toBe('reveal')
    clock.advance(REVEAL_MS)
    room.choose('b', 2, 0)
    expect(room.guess('d', wordOf(rec))).toBe('correct')
  })

  it('the joiner draws in the next round', () => {
    const { clock, rec, room } = game(['a', 'b'])
    room.memberJoined({ id: 'd', name: 'D' })
    const drawers: string[] = []
    for (let turn = 1; turn <= 5; turn++) {
      drawers.push(rec.last()?.drawerId ?? '')
      room.choose(rec.last()?.drawerId ?? '', turn, 0)
      clock.advance(60_000 + REVEAL_MS)
    }
    expect(drawers).toEqual(['a', 'b', 'a', 'b', 'd'])
    expect(rec.last()?.phase).toBe('over')
  })

  it('a player who leaves and comes back with the same id keeps their score', () => {
    const { clock, rec, room } = game()
    room.choose('a', 1, 0)
    room.guess('b', wordOf(rec))
    room.guess('c', wordOf(rec))
    clock.advance(REVEAL_MS)
    const before = rec.last()?.players.find((p) => p.id === 'b')?.score
    expect(before).toBe(300)
    room.memberLeft('b')
    room.memberJoined({ id: 'b', name: 'B again' })
    const back = rec.last()?.players.find((p) => p.id === 'b')
    expect(back).toMatchObject({ score: 300, present: true, name: 'B again' })
  })

  it('ends the game when fewer than two players are left', () => {
    const { rec, room } = game(['a', 'b'])
    room.memberLeft('b')
    expect(rec.last()?.phase).toBe('over')
  })

  it('the choice is refused for another turn or a bad index', () => {
    const { room } = game()
    expect(room.choose('a', 2, 0)).toMatch(/no longer/)
    expect(room.choose('a', 1, 4)).toMatch(/index/)
    expect(room.choose('a', 1, 1)).toBeNull()
  })

  it('resumes from its saved data with the same deadlines', () => {
    const { clock, rec, room } = game()
    room.choose('a', 1, 0)
    clock.advance(10_000)
    const data = rec.saved()
    if (!data) throw new Error('nothing saved')
    room.dispose()
    const rec2 = recorder()
    const again = GameRoom.resume(data, clock, rec2.out, () => 0)
    expect(again.publicState().remainingMs).toBe(50_000)
    expect(again.secretFor('a')).toEqual({ turn: 1, word: data.word })
    clock.advance(50_000)
    expect(rec2.last()?.phase).toBe('reveal')
  })

  it('guesses containing the word go only to the guesser', () => {
    const { rec, room } = game()
    room.choose('a', 1, 0)
    const word = wordOf(rec)
    expect(room.guess('b', `big ${word}`)).toBe('wrong')
    expect(rec.chat).toEqual([{ to: 'b', line: { kind: 'close', text: `big ${word}` } }])
  })
})
