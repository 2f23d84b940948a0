/**
 * The draw-and-guess game as the UI shows it: the server's latest public state, the drawer's
 * secret, the game's chat lines and the local dialog state. Only session/gameController writes.
 * The countdown is not stored: views compute it from `deadline` (local clock) every tick.
 */
import { createStore } from 'zustand/vanilla'
import type { GameChatEvent, GameSecretEvent, GameState } from '../../../shared/game/protocol'

export type GameLine = GameChatEvent & { key: string }

/** Why the last request was refused, for the view to explain. */
export interface GameError {
  code: string
  message: string
}

export interface GameViewState {
  selfId: string | null
  state: GameState | null
  /** Local time (ms) when the current phase ends; null without a running phase. */
  deadline: number | null
  /** The drawer's choices or word for the current turn (only ever present for the drawer). */
  secret: GameSecretEvent | null
  lines: GameLine[]
  settingsOpen: boolean
  /** A start request is on its way. */
  starting: boolean
  error: GameError | null
  /** The local user closed the podium of this game id. */
  dismissedGameId: string | null
}

export function initialGameState(): GameViewState {
  return {
    selfId: null,
    state: null,
    deadline: null,
    secret: null,
    lines: [],
    settingsOpen: false,
    starting: false,
    error: null,
    dismissedGameId: null,
  }
}

export function createGameStore() {
  return createStore<GameViewState>()(() => initialGameState())
}
export type GameStore = ReturnType<typeof createGameStore>

export const gameStore = createGameStore()
