import { describe, expect, it } from 'vitest'
import {
  gameChatEventSchema,
  gameChooseRequestSchema,
  gameGuessRequestSchema,
  gameSecretEventSchema,
  gameStartRequestSchema,
  gameStateSchema,
  type GameState,
} from './protocol'
import { DEFAULT_GAME_SETTINGS } from './settings'

const state: GameState = {
  gameId: 'g1',
  phase: 'drawing',
  startedBy: 'host',
  settings: {
    rounds: 3,
    drawTimeSec: 80,
    wordChoices: 3,
    hints: 2,
    language: 'en',
    customOnly: false,
    customWordCount: 0,
  },
  round: 1,
  turn: 1,
  drawerId: 'host',
  players: [{ id: 'host', name: 'Mina', score: 0, guessed: false, present: true }],
  hint: [null, 'a', null],
  word: null,
  remainingMs: 1000,
  gains: [],
}

describe('game payload schemas', () => {
  it('accept what the server sends', () => {
    expect(gameStateSchema.safeParse(state).success).toBe(true)
    expect(gameSecretEventSchema.safeParse({ turn: 1, choices: ['cat', 'dog'] }).success).toBe(true)
    expect(gameSecretEventSchema.safeParse({ turn: 1, word: 'cat' }).success).toBe(true)
    expect(
      gameChatEventSchema.safeParse({ kind: 'guessed', from: 'a', name: 'Mina' }).success,
    ).toBe(true)
  })

  it('refuse malformed requests', () => {
    expect(gameStartRequestSchema.safeParse({ settings: DEFAULT_GAME_SETTINGS }).success).toBe(true)
    expect(gameStartRequestSchema.safeParse({}).success).toBe(false)
    expect(gameChooseRequestSchema.safeParse({ turn: 1, index: 5 }).success).toBe(false)
    expect(gameChooseRequestSchema.safeParse({ turn: 0, index: 0 }).success).toBe(false)
    expect(gameGuessRequestSchema.safeParse({ text: '  ' }).success).toBe(false)
    expect(gameGuessRequestSchema.safeParse({ text: 'x'.repeat(101) }).success).toBe(false)
    expect(gameGuessRequestSchema.safeParse({ text: '가'.repeat(100) }).success).toBe(true)
    expect(gameGuessRequestSchema.safeParse({ text: 'cat', extra: 1 }).success).toBe(false)
  })

  it('refuse a state with an unknown phase or a close line naming someone', () => {
    expect(gameStateSchema.safeParse({ ...state, phase: 'paused' }).success).toBe(false)
    expect(gameChatEventSchema.safeParse({ kind: 'close', text: 'cats', from: 'a' }).success).toBe(
      false,
    )
  })
})
