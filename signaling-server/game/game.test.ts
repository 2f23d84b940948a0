/**
 * A whole game through real sockets: three clients, the server's clock moved by hand.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { GameSettings } from '../../src/shared/game/settings'
import type { GameStateEvent } from '../../src/shared/game/protocol'
import { TestWorld, join, next, type TestClient } from '../testing/harness'
import { ManualClock } from './clock'
import { gameModule } from './gameModule'
import { CHOOSE_MS, REVEAL_MS } from './gameRoom'

const WORDS = ['giraffe', 'lighthouse', 'pancake']
const settings: GameSettings = {
  rounds: 1,
  drawTimeSec: 60,
  wordChoices: 3,
  hints: 2,
  language: 'en',
  customWords: WORDS,
  customOnly: true,
}

type Seen = Array<{ event: string; payload: unknown }>

function recordAll(socket: TestClient): Seen {
  const seen: Seen = []
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }))
  return seen
}

const phase =
  (p: string, turn?: number) =>
  (e: GameStateEvent): boolean =>
    e.state?.phase === p && (turn === undefined || e.state.turn === turn)

describe('draw-and-guess on the server', () => {
  const world = new TestWorld()
  afterEach(() => world.close())

  async function threePlayers() {
    const clock = new ManualClock()
    const server = await world.server({ modules: [gameModule({ clock, random: () => 0 })] })
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => world.client(server.url)))
    const ja = await join(a, { room: 'guess', name: 'Ara' })
    const jb = await join(b, { room: 'guess', name: 'Bo' })
    const jc = await join(c, { room: 'guess', name: 'Cy' })
    return { url: server.url, clock, a, b, c, ids: { a: ja.self.id, b: jb.self.id, c: jc.self.id } }
  }

  it('plays a whole game to the podium; guessers never see the word before the reveal', async () => {
    const { clock, a, b, c, ids } = await threePlayers()
    const seenB = recordAll(b)
    const seenC = recordAll(c)

    // Only the host starts; the host draws first and alone gets the choices.
    expect(await b.emitWithAck('game:start', { settings })).toMatchObject({
      ok: false,
      error: { code: 'NOT_HOST' },
    })
    const choices = next(a, 'game:secret')
    const started = await a.emitWithAck('game:start', { settings })
    expect(started).toMatchObject({ ok: true, state: { phase: 'choosing', drawerId: ids.a } })
    const offered = await choices
    expect('choices' in offered && [...offered.choices].sort()).toEqual([...WORDS].sort())
    if (!('choices' in offered)) throw new Error('no choices')
    const word = offered.choices[1]

    // Someone else cannot choose; the drawer can, and gets the word back.
    expect(await b.emitWithAck('game:choose', { turn: 1, index: 0 })).toMatchObject({ ok: false })
    const drawing = next(c, 'game:state', phase('drawing', 1))
    const secret = next(a, 'game:secret')
    expect(await a.emitWithAck('game:choose', { turn: 1, index: 1 })).toEqual({ ok: true })
    expect(await secret).toEqual({ turn: 1, word })
    const firstDrawing = await drawing
    expect(firstDrawing.state?.hint).toEqual(Array(word.length).fill(null))

    // A hint arrives with time.
    const hinted = next(c, 'game:state', (e) => (e.state?.hint ?? []).some((s) => s !== null))
    clock.advance(20_000)
    expect((await hinted).state?.hint?.filter((s) => s !== null)).toHaveLength(1)

    // Wrong guesses are chat lines for all; close ones only for the guesser.
    const wrongLine = next(a, 'game:chat')
    expect(await b.emitWithAck('game:guess', { text: 'banana' })).toEqual({
      ok: true,
      result: 'wrong',
    })
    expect(await wrongLine).toEqual({ kind: 'guess', from: ids.b, name: 'Bo', text: 'banana' })
    const closeLine = next(c, 'game:chat', (e) => e.kind === 'close')
    const close = word.slice(0, -1)
    expect(await c.emitWithAck('game:guess', { text: close })).toEqual({
      ok: true,
      result: 'close',
    })
    expect(await closeLine).toEqual({ kind: 'close', text: close })

    // The drawer's guesses are ignored.
    expect(await a.emitWithAck('game:guess', { text: word })).toEqual({
      ok: true,
      result: 'ignored',
    })

    // A correct guess is announced without the word.
    const announced = next(c, 'game:chat', (e) => e.kind === 'guessed')
    expect(await b.emitWithAck('game:guess', { text: word.toUpperCase() })).toEqual({
      ok: true,
      result: 'correct',
    })
    expect(await announced).toEqual({ kind: 'guessed', from: ids.b, name: 'Bo' })
    expect(await b.emitWithAck('game:guess', { text: word })).toEqual({
      ok: true,
      result: 'ignored',
    })

    // The last guesser ends the turn: reveal with the word and the points.
    clock.advance(10_000)
    const revealC = next(c, 'game:state', phase('reveal', 1))
    const revealB = next(b, 'game:state', phase('reveal', 1))
    expect(await c.emitWithAck('game:guess', { text: word })).toEqual({
      ok: true,
      result: 'correct',
    })
    const reveal = (await revealC).state
    await revealB
    expect(reveal?.word).toBe(word)
    const gains = Object.fromEntries((reveal?.gains ?? []).map((g) => [g.id, g.points]))
    expect(gains[ids.b]).toBeGreaterThan(gains[ids.c]) // b guessed sooner
    expect(gains[ids.a]).toBe(100) // two correct guesses

    for (const seen of [seenB, seenC]) {
      const revealAt = seen.findIndex(
        (e) => e.event === 'game:state' && phase('reveal', 1)(e.payload as GameStateEvent),
      )
      expect(revealAt).toBeGreaterThan(0)
      const before = seen.slice(0, revealAt)
      expect(before.filter((e) => e.event === 'game:secret')).toEqual([])
      for (const e of before) expect(JSON.stringify(e.payload).toLowerCase()).not.toContain(word)
    }

    // Turn 2: Bo draws, does not choose in time, a word is picked for him.
    const bChoices = next(b, 'game:secret')
    clock.advance(REVEAL_MS)
    const turn2 = await bChoices
    expect(turn2.turn).toBe(2)
    const bWord = next(b, 'game:secret', (s) => 'word' in s)
    clock.advance(CHOOSE_MS)
    const picked = await bWord
    if (!('word' in picked)) throw new Error('no word')
    expect(WORDS).toContain(picked.word)
    expect(picked.word).not.toBe(word) // used words come back only when the fresh ones run out

    // Nobody guesses; after the time is up the turn is over and guesses are ignored.
    const timeUp = next(a, 'game:state', phase('reveal', 2))
    clock.advance(settings.drawTimeSec * 1000)
    expect((await timeUp).state?.word).toBe(picked.word)
    expect(await a.emitWithAck('game:guess', { text: picked.word })).toEqual({
      ok: true,
      result: 'ignored',
    })

    // Turn 3: Cy draws; then the podium.
    const cChoices = next(c, 'game:secret')
    clock.advance(REVEAL_MS)
    expect((await cChoices).turn).toBe(3)
    await c.emitWithAck('game:choose', { turn: 3, index: 0 })
    const over = next(a, 'game:state', phase('over'))
    clock.advance(settings.drawTimeSec * 1000 + REVEAL_MS)
    const final = (await over).state
    const scores = Object.fromEntries((final?.players ?? []).map((p) => [p.id, p.score]))
    expect(scores).toEqual({ [ids.a]: 100, [ids.b]: gains[ids.b], [ids.c]: gains[ids.c] })

    // The host closes the podium.
    const closed = next(b, 'game:state', (e) => e.state === null)
    expect(await a.emitWithAck('game:stop', {})).toEqual({ ok: true })
    await closed
  })

  it('refuses bad payloads and requests from outside a room', async () => {
    const { url, a } = await threePlayers()
    const stranger = await world.client(url)
    expect(await stranger.emitWithAck('game:sync', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_ROOM' },
    })
    expect(
      await a.emitWithAck('game:start', { settings: { ...settings, rounds: 99 } }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await a.emitWithAck('game:guess', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'no game is running' },
    })
  })

  it('sync gives the drawer the secret and a guesser only the masked word', async () => {
    const { a, b, ids } = await threePlayers()
    await a.emitWithAck('game:start', { settings })
    await a.emitWithAck('game:choose', { turn: 1, index: 0 })
    const drawer = await a.emitWithAck('game:sync', {})
    const guesser = await b.emitWithAck('game:sync', {})
    if (!drawer.ok || !guesser.ok) throw new Error('sync failed')
    expect(drawer.secret && 'word' in drawer.secret && drawer.secret.word).toBeTruthy()
    expect(guesser.secret).toBeNull()
    expect(guesser.state?.drawerId).toBe(ids.a)
    expect(guesser.state?.word).toBeNull()
  })

  it('a player back after the grace period (new id, same resume token) keeps their score', async () => {
    const clock = new ManualClock()
    const server = await world.server({
      resumeGraceMs: 20,
      modules: [gameModule({ clock, random: () => 0 })],
    })
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => world.client(server.url)))
    await join(a, { room: 'back', name: 'Ara' })
    const jb = await join(b, { room: 'back', name: 'Bo' })
    await join(c, { room: 'back', name: 'Cy' })
    await a.emitWithAck('game:start', { settings })
    await a.emitWithAck('game:choose', { turn: 1, index: 0 })
    const sync = await a.emitWithAck('game:sync', {})
    if (!sync.ok || !sync.secret || !('word' in sync.secret)) throw new Error('no word')
    const secretWord = sync.secret.word
    expect(await b.emitWithAck('game:guess', { text: secretWord })).toMatchObject({
      result: 'correct',
    })

    const gone = next(a, 'game:state', (e) =>
      Boolean(e.state?.players.some((p) => p.id === jb.self.id && !p.present)),
    )
    b.disconnect()
    await gone
    const b2 = await world.client(server.url)
    const back = next(a, 'game:state', (e) =>
      Boolean(e.state?.players.some((p) => p.name === 'Bo' && p.present)),
    )
    const rejoined = await join(b2, { room: 'back', name: 'Bo', resumeToken: jb.resumeToken })
    expect(rejoined.self.id).not.toBe(jb.self.id)
    const players = (await back).state?.players ?? []
    // Still counted as having guessed this turn, under the new id...
    expect(players.filter((p) => p.name === 'Bo')).toEqual([
      { id: rejoined.self.id, name: 'Bo', score: 0, guessed: true, present: true },
    ])
    // ...so the points of that guess land on the new id when the turn ends.
    const reveal = next(a, 'game:state', (e) => e.state?.phase === 'reveal')
    clock.advance(settings.drawTimeSec * 1000)
    const final = (await reveal).state?.players.find((p) => p.name === 'Bo')
    expect(final).toMatchObject({ id: rejoined.self.id, score: 300 })
  })
})
