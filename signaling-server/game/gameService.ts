/**
 * The games this process runs, one GameRoom per room, and how each op applies to them. Checks
 * that need the room (is the caller the host, who is in it) read the shared room store.
 */
import type { GameSettings } from '../../src/shared/game/settings'
import type { RoomStore } from '../rooms/roomStore'
import type { GameClock } from './clock'
import { GameRoom, MIN_PLAYERS, type GameData, type GameOutput } from './gameRoom'
import type { GameOp, GameReply } from './ops'

export interface GameServiceDeps {
  store: RoomStore
  clock: GameClock
  /** Where a room's game speaks; `saved` lets a cluster keep the data in Redis. */
  output(roomId: string): GameOutput
  newGameId(): string
  random?: () => number
}

const refuse = (code: 'BAD_REQUEST' | 'NOT_HOST', message: string): GameReply => ({
  ok: false,
  code,
  message,
})

export class GameService {
  private readonly games = new Map<string, GameRoom>()

  constructor(private readonly deps: GameServiceDeps) {}

  has(roomId: string): boolean {
    return this.games.has(roomId)
  }

  rooms(): string[] {
    return [...this.games.keys()]
  }

  /** Takes over a game whose data another process left (its timers start here). */
  resume(data: GameData): void {
    this.games.get(data.roomId)?.dispose()
    const room = GameRoom.resume(
      data,
      this.deps.clock,
      this.deps.output(data.roomId),
      this.deps.random,
    )
    this.games.set(data.roomId, room)
  }

  /** Stops running a room's game here without ending it (another process took it). */
  release(roomId: string): void {
    this.games.get(roomId)?.dispose()
    this.games.delete(roomId)
  }

  async apply(op: GameOp): Promise<GameReply> {
    const game = this.games.get(op.roomId)
    switch (op.kind) {
      case 'start':
        return this.start(op.roomId, op.peerId, op.settings)
      case 'sync':
        return {
          ok: true,
          state: game?.publicState() ?? null,
          secret: game?.secretFor(op.peerId) ?? null,
        }
      case 'choose': {
        if (!game) return refuse('BAD_REQUEST', 'no game is running')
        const refused = game.choose(op.peerId, op.turn, op.index)
        return refused === null ? { ok: true } : refuse('BAD_REQUEST', refused)
      }
      case 'guess':
        if (!game) return refuse('BAD_REQUEST', 'no game is running')
        return { ok: true, result: game.guess(op.peerId, op.text) }
      case 'stop': {
        if (!game) return refuse('BAD_REQUEST', 'no game is running')
        const meta = await this.deps.store.get(op.roomId)
        const host = meta?.hostId === op.peerId
        if (!host && game.publicState().startedBy !== op.peerId) {
          return refuse('NOT_HOST', 'only the host can stop the game')
        }
        this.end(op.roomId)
        return { ok: true }
      }
      case 'joined':
        game?.memberJoined(op.peer, op.previousId)
        return { ok: true }
      case 'left':
        game?.memberLeft(op.peerId)
        if (game && (await this.deps.store.members(op.roomId)).length === 0) this.end(op.roomId)
        return { ok: true }
    }
  }

  private async start(roomId: string, peerId: string, settings: GameSettings): Promise<GameReply> {
    const meta = await this.deps.store.get(roomId)
    if (!meta || meta.hostId !== peerId) return refuse('NOT_HOST', 'only the host can start a game')
    const running = this.games.get(roomId)
    if (running && !running.ended) return refuse('BAD_REQUEST', 'a game is already running')
    const members = [...(await this.deps.store.members(roomId))].sort(
      (a, b) => a.joinedAt - b.joinedAt,
    )
    if (members.length < MIN_PLAYERS) {
      return refuse('BAD_REQUEST', `a game needs at least ${MIN_PLAYERS} people in the call`)
    }
    running?.dispose()
    this.games.delete(roomId)
    // The host draws first, then everyone in the order they joined.
    const order = [
      ...members.filter((m) => m.id === peerId),
      ...members.filter((m) => m.id !== peerId),
    ]
    const room = GameRoom.start({
      gameId: this.deps.newGameId(),
      roomId,
      startedBy: peerId,
      settings,
      members: order.map((m) => ({ id: m.id, name: m.name })),
      clock: this.deps.clock,
      out: this.deps.output(roomId),
      random: this.deps.random,
    })
    this.games.set(roomId, room)
    return { ok: true, state: room.publicState() }
  }

  private end(roomId: string): void {
    const game = this.games.get(roomId)
    if (!game) return
    game.stop()
    this.games.delete(roomId)
    this.deps.output(roomId).toRoom('game:state', { state: null })
  }

  dispose(): void {
    for (const game of this.games.values()) game.dispose()
    this.games.clear()
  }
}
