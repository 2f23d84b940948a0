/**
 * Where a room's game runs. One process: here. Several processes sharing Redis: on the one
 * holding the room's lease (gameLease.ts). Handlers and membership events only ever call route().
 */
import type { GameOutput } from './gameRoom'
import type { GameOp, GameReply } from './ops'

export interface GameCoordinator {
  route(op: GameOp): Promise<GameReply>
  /** Wraps what a room's game says (to save its data where other processes can read it). */
  output?(roomId: string, base: GameOutput): GameOutput
  dispose(): void
}
