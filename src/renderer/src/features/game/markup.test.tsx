import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { GameSecretEvent, GameState } from '../../../../shared/game/protocol'
import type { Session } from '../../session/types'
import { SessionContext } from '../../sessionContext'
import type { GameLine } from '../../store/gameStore'
import { GameStageView } from './GameStage'

const session = { game: { guess: vi.fn(), choose: vi.fn() } } as unknown as Session

function state(patch: Partial<GameState>): GameState {
  return {
    gameId: 'g1',
    phase: 'drawing',
    startedBy: 'ana',
    settings: {
      rounds: 2,
      drawTimeSec: 60,
      wordChoices: 3,
      hints: 2,
      language: 'en',
      customOnly: false,
      customWordCount: 0,
    },
    round: 1,
    turn: 1,
    drawerId: 'ana',
    players: [
      { id: 'ana', name: 'Ana', score: 350, guessed: false, present: true },
      { id: 'bo', name: 'Bo', score: 120, guessed: false, present: true },
      { id: 'chul', name: 'Chul', score: 350, guessed: false, present: false },
    ],
    hint: ['g', null, null, null, null, null, null],
    word: null,
    remainingMs: 30_000,
    gains: [],
    ...patch,
  }
}

interface Shown {
  selfId: string
  state: GameState
  secret?: GameSecretEvent | null
  lines?: GameLine[]
}

function render(
  { selfId, state: s, secret = null, lines = [] }: Shown,
  board: ReactElement | null = null,
): string {
  const view = {
    state: s,
    secret,
    deadline: null,
    selfId,
    error: null,
    lines,
    isHost: selfId === 'ana',
  }
  return renderToStaticMarkup(
    <SessionContext.Provider value={session}>
      <GameStageView view={view} board={board} />
    </SessionContext.Provider>,
  )
}

describe('game stage markup', () => {
  it('a guesser sees the masked word, the guess box and the scores, never the word', async () => {
    const lines: GameLine[] = [
      { kind: 'guess', from: 'chul', name: 'Chul', text: 'horse', key: 'g1' },
      { kind: 'guessed', from: 'bo', name: 'Bo', key: 'g2' },
    ]
    const html = render({ selfId: 'bo', state: state({}), lines }, <canvas />)
    expect(html).toContain('horse')
    expect(html).toContain('You guessed the word!')
    expect(html).toContain('Word to guess: 7 letters, 1 shown: g _ _ _ _ _ _')
    expect(html).toContain('Your guess')
    expect(html).toContain('role="timer"')
    expect(html).not.toContain('giraffe')
    expect(html).toContain('Round 1 of 2')
    expect(html).toContain('drawing')
    expect(html).toContain('left')
  })

  it('the drawer sees their word and no guess box', async () => {
    const html = render({ selfId: 'ana', state: state({}), secret: { turn: 1, word: 'giraffe' } })
    expect(html).toContain('Draw: giraffe')
    expect(html).not.toContain('Your guess')
    expect(html).toContain('You are drawing this turn.')
  })

  it('the drawer chooses from the offered words while the others wait', async () => {
    const choosing = state({ phase: 'choosing', hint: null })
    const drawer = render({
      selfId: 'ana',
      state: choosing,
      secret: { turn: 1, choices: ['giraffe', 'moon'] },
    })
    expect(drawer).toContain('Choose a word to draw')
    expect(drawer).toContain('>giraffe</button>')
    const guesser = render({ selfId: 'bo', state: choosing })
    expect(guesser).toContain('Ana is choosing a word…')
    expect(guesser).not.toContain('giraffe')
  })

  it('the reveal shows the word and the points; the podium shares places for ties', async () => {
    const reveal = state({
      phase: 'reveal',
      hint: null,
      word: 'giraffe',
      gains: [{ id: 'bo', points: 240 }],
    })
    const html = render({ selfId: 'bo', state: reveal })
    expect(html).toContain('The word was “giraffe”')
    expect(html).toContain('+240')
    const podium = render({
      selfId: 'bo',
      state: state({ phase: 'over', hint: null, word: 'giraffe' }),
    })
    expect(podium).toContain('Game over')
    expect(podium.match(/Place 1/g)).toHaveLength(2)
    expect(podium).toContain('Place 3')
  })
})
