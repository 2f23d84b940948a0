/**
 * What can happen to a room's game, as plain data: requests of players and membership changes.
 * Ops are applied where the room's game runs, which with several processes may be another one
 * (gameLease.ts forwards them), so they carry everything they need and nothing live.
 */
import type { GameSecretEvent, GameState, GuessResult } from '../../src/shared/game/protocol'
import type { GameSettings } from '../../src/shared/game/settings'
import type { ErrorCode, PeerInfo } from '../../src/shared/protocol'

export type GameOp =
  | { kind: 'start'; roomId: string; peerId: string; settings: GameSettings }
  | { kind: 'choose'; roomId: string; peerId: string; turn: number; index: number }
  | { kind: 'guess'; roomId: string; peerId: string; text: string }
  | { kind: 'stop'; roomId: string; peerId: string }
  | { kind: 'sync'; roomId: string; peerId: string }
  | { kind: 'joined'; roomId: string; peer: PeerInfo; previousId?: string }
  | { kind: 'left'; roomId: string; peerId: string }

export type GameReply =
  | {
      ok: true
      result?: GuessResult
      state?: GameState | null
      secret?: GameSecretEvent | null
    }
  | { ok: false; code: ErrorCode; message: string; retryAfterMs?: number }

/** Ops that only matter when a game exists; they never start one. */
export function needsGame(op: GameOp): boolean {
  return op.kind !== 'start'
}
