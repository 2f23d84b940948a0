import { describe, expect, it, vi } from 'vitest'
import type { GameState } from '../../../shared/game/protocol'
import { DEFAULT_GAME_SETTINGS } from '../../../shared/game/settings'
import { SignalingError } from '../signaling/signalingClient'
import { createGameStore } from '../store/gameStore'
import { GameController, type GameSignaling } from './gameController'

function state(patch: Partial<GameState> = {}): GameState {
  return {
    gameId: 'g1',
    phase: 'choosing',
    startedBy: 'me',
    settings: {
      rounds: 1,
      drawTimeSec: 60,
      wordChoices: 3,
      hints: 2,
      language: 'en',
      customOnly: false,
      customWordCount: 0,
    },
    round: 1,
    turn: 1,
    drawerId: 'me',
    players: [
      { id: 'me', name: 'Mina', score: 0, guessed: false, present: true },
      { id: 'jun', name: 'Jun', score: 0, guessed: false, present: true },
    ],
    hint: null,
    word: null,
    remainingMs: 15_000,
    gains: [],
    ...patch,
  }
}

function setup(sync: { state: GameState | null; secret: unknown } = { state: null, secret: null }) {
  const listeners = new Map<string, (payload: unknown) => void>()
  const requests: Array<{ event: string; payload: unknown }> = []
  let answer: (event: string, payload: unknown) => unknown = (event) =>
    event === 'game:sync' ? sync : {}
  const client = {
    on: (event: string, fn: (payload: unknown) => void) => {
      listeners.set(event, fn)
      return () => listeners.delete(event)
    },
    request: async (event: string, payload: unknown) => {
      requests.push({ event, payload })
      const res = answer(event, payload)
      if (res instanceof Error) throw res
      return res
    },
  } as unknown as GameSignaling
  const store = createGameStore()
  const board = { setExclusiveDrawer: vi.fn(), resetLocal: vi.fn() }
  let time = 1_000
  const game = new GameController({ store, now: () => time, board })
  return {
    game,
    store,
    board,
    requests,
    send: (event: string, payload: unknown) => listeners.get(event)?.(payload),
    listeners,
    setAnswer: (fn: typeof answer) => (answer = fn),
    tick: (ms: number) => (time += ms),
    attach: () => game.attach(client, 'me'),
  }
}

describe('GameController', () => {
  it('syncs on attach and follows state, secret and chat events', async () => {
    const t = setup({ state: state(), secret: { turn: 1, choices: ['cat', 'dog'] } })
    t.attach()
    await vi.waitFor(() => expect(t.store.getState().state?.turn).toBe(1))
    expect(t.store.getState().secret).toEqual({ turn: 1, choices: ['cat', 'dog'] })
    expect(t.store.getState().deadline).toBe(16_000)
    expect(t.board.resetLocal).toHaveBeenCalledTimes(1)
    expect(t.board.setExclusiveDrawer).toHaveBeenLastCalledWith('me')

    t.send('game:secret', { turn: 1, word: 'cat' })
    t.send('game:state', { state: state({ phase: 'drawing', hint: [null, null, null] }) })
    expect(t.store.getState().secret).toEqual({ turn: 1, word: 'cat' })
    expect(t.board.resetLocal).toHaveBeenCalledTimes(1) // same turn: board kept

    t.send('game:chat', { kind: 'guess', from: 'jun', name: 'Jun', text: 'dog' })
    expect(t.store.getState().lines).toEqual([
      { kind: 'guess', from: 'jun', name: 'Jun', text: 'dog', key: 'g1' },
    ])

    // Next turn: Jun draws; the board is cleared and only Jun may draw; our secret is gone.
    t.send('game:state', { state: state({ turn: 2, drawerId: 'jun' }) })
    expect(t.board.resetLocal).toHaveBeenCalledTimes(2)
    expect(t.board.setExclusiveDrawer).toHaveBeenLastCalledWith('jun')
    expect(t.store.getState().secret).toBeNull()

    // The podium frees the board; the end of the game too.
    t.send('game:state', { state: state({ turn: 2, drawerId: 'jun', phase: 'over' }) })
    expect(t.board.setExclusiveDrawer).toHaveBeenLastCalledWith(null)
    t.send('game:state', { state: null })
    expect(t.store.getState().state).toBeNull()
  })

  it('ignores malformed events', async () => {
    const t = setup()
    t.attach()
    await vi.waitFor(() => expect(t.requests).toHaveLength(1))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    t.send('game:state', { state: { phase: 'drawing' } })
    t.send('game:secret', { turn: 0, word: 'x' })
    t.send('game:chat', { kind: 'shout', text: 'hi' })
    expect(t.store.getState().state).toBeNull()
    expect(t.store.getState().secret).toBeNull()
    expect(t.store.getState().lines).toEqual([])
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
  })

  it('sends requests for the current turn and keeps refusals in the store', async () => {
    const t = setup({ state: state(), secret: null })
    t.attach()
    await vi.waitFor(() => expect(t.store.getState().state).not.toBeNull())
    await t.game.choose(2)
    expect(t.requests.at(-1)).toEqual({ event: 'game:choose', payload: { turn: 1, index: 2 } })

    t.setAnswer((event) =>
      event === 'game:start'
        ? new SignalingError('NOT_HOST', 'only the host')
        : { result: 'close' },
    )
    t.game.openSettings()
    expect(await t.game.start(DEFAULT_GAME_SETTINGS)).toBe(false)
    expect(t.store.getState()).toMatchObject({
      settingsOpen: true,
      starting: false,
      error: { code: 'NOT_HOST' },
    })
    expect(await t.game.guess('cats')).toBe('close')
  })

  it('detach forgets the game and unsubscribes', async () => {
    const t = setup({ state: state(), secret: null })
    t.attach()
    await vi.waitFor(() => expect(t.store.getState().state).not.toBeNull())
    t.game.detach()
    expect(t.listeners.size).toBe(0)
    expect(t.store.getState().state).toBeNull()
    expect(t.board.setExclusiveDrawer).toHaveBeenLastCalledWith(null)
  })
})
