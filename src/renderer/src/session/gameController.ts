/**
 * The draw-and-guess game on the client: talks to the server's game through the signaling
 * client (request/on), validates every event, keeps gameStore, and tells the whiteboard who may
 * draw and when to clear between turns. The only writer of gameStore.
 */
import {
  gameChatEventSchema,
  gameSecretEventSchema,
  gameStateEventSchema,
  gameStateSchema,
  type GameSecretEvent,
  type GameState,
  type GuessResult,
} from '../../../shared/game/protocol'
import type { GameSettings } from '../../../shared/game/settings'
import type { SignalingClient } from '../signaling/signalingClient'
import { SignalingError } from '../signaling/signalingClient'
import { initialGameState, type GameError, type GameStore } from '../store/gameStore'

/** Chat lines kept (a game of 10 rounds with 12 players stays well under this). */
const LINES_MAX = 300

export interface GameApi {
  openSettings(): void
  closeSettings(): void
  /** Host: starts a game with these settings; false (and gameStore.error) when refused. */
  start(settings: GameSettings): Promise<boolean>
  /** Drawer: picks one of the offered words. */
  choose(index: number): Promise<void>
  /** Guesser: the server's verdict, or null when the request failed (gameStore.error). */
  guess(text: string): Promise<GuessResult | null>
  /** Host: ends the game (or closes the podium) for everyone. */
  stop(): Promise<void>
  /** Closes the podium here only. */
  dismissPodium(): void
  clearError(): void
}

/** What the game needs of the whiteboard (session.whiteboard provides it). */
export interface GameBoard {
  setExclusiveDrawer(peerId: string | null): void
  resetLocal(): void
}

export type GameSignaling = Pick<SignalingClient, 'request' | 'on'>

export interface GameControllerDeps {
  store: GameStore
  now: () => number
  board?: GameBoard
}

export class GameController implements GameApi {
  private client: GameSignaling | null = null
  private offClient: Array<() => void> = []
  private lineSeq = 0

  constructor(private readonly deps: GameControllerDeps) {}

  /** A call began (or the server forgot us and we joined afresh): follow that room's game. */
  attach(client: GameSignaling, selfId: string): void {
    this.detach()
    this.client = client
    this.deps.store.setState({ ...initialGameState(), selfId })
    this.offClient = [
      client.on('game:state', (payload) => this.onState(payload)),
      client.on('game:secret', (payload) => this.onSecret(payload)),
      client.on('game:chat', (payload) => this.onChat(payload)),
    ]
    void this.resync()
  }

  /** After a reconnect the game may have moved on: fetch its state (and our secret) again. */
  async resync(): Promise<void> {
    const client = this.client
    if (!client) return
    try {
      const ack = await client.request('game:sync', {})
      if (client !== this.client) return
      const state = ack.state === null ? null : gameStateSchema.safeParse(ack.state)
      if (state !== null && !state.success) return console.warn('game: malformed sync state')
      this.applyState(state === null ? null : state.data)
      const secret = ack.secret === null ? null : gameSecretEventSchema.safeParse(ack.secret)
      if (secret?.success) this.applySecret(secret.data)
    } catch (error) {
      this.fail(error)
    }
  }

  /** The call ended: the game is gone from this window. */
  detach(): void {
    for (const off of this.offClient.splice(0)) off()
    if (this.client && this.deps.store.getState().state) this.deps.board?.setExclusiveDrawer(null)
    this.client = null
    this.deps.store.setState(initialGameState())
  }

  openSettings(): void {
    this.deps.store.setState({ settingsOpen: true, error: null })
  }

  closeSettings(): void {
    this.deps.store.setState({ settingsOpen: false })
  }

  async start(settings: GameSettings): Promise<boolean> {
    const client = this.client
    if (!client) return false
    this.deps.store.setState({ starting: true, error: null })
    try {
      await client.request('game:start', { settings })
      this.deps.store.setState({ starting: false, settingsOpen: false })
      return true
    } catch (error) {
      this.deps.store.setState({ starting: false })
      this.fail(error)
      return false
    }
  }

  async choose(index: number): Promise<void> {
    const { state } = this.deps.store.getState()
    if (!this.client || !state) return
    try {
      await this.client.request('game:choose', { turn: state.turn, index })
    } catch (error) {
      this.fail(error)
    }
  }

  async guess(text: string): Promise<GuessResult | null> {
    if (!this.client) return null
    try {
      const ack = await this.client.request('game:guess', { text })
      return ack.result
    } catch (error) {
      this.fail(error)
      return null
    }
  }

  async stop(): Promise<void> {
    if (!this.client) return
    try {
      await this.client.request('game:stop', {})
    } catch (error) {
      this.fail(error)
    }
  }

  dismissPodium(): void {
    const id = this.deps.store.getState().state?.gameId ?? null
    this.deps.store.setState({ dismissedGameId: id })
  }

  clearError(): void {
    this.deps.store.setState({ error: null })
  }

  private fail(error: unknown): void {
    const info: GameError =
      error instanceof SignalingError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: String(error) }
    this.deps.store.setState({ error: info })
  }

  private onState(payload: unknown): void {
    const parsed = gameStateEventSchema.safeParse(payload)
    if (!parsed.success) return console.warn('game: ignored a malformed state')
    this.applyState(parsed.data.state)
  }

  private applyState(state: GameState | null): void {
    const { store, board } = this.deps
    const previous = store.getState().state
    if (state === null) {
      if (previous) board?.setExclusiveDrawer(null)
      store.setState({ state: null, deadline: null, secret: null })
      return
    }
    const newTurn = !previous || previous.gameId !== state.gameId || previous.turn !== state.turn
    if (newTurn && state.phase !== 'over') {
      // A new turn: a clean board that only its drawer may draw on.
      board?.resetLocal()
      board?.setExclusiveDrawer(state.drawerId)
    }
    if (state.phase === 'over' && previous?.phase !== 'over') board?.setExclusiveDrawer(null)
    const secret = store.getState().secret
    const newGame = !previous || previous.gameId !== state.gameId
    store.setState({
      state,
      deadline: state.phase === 'over' ? null : this.deps.now() + state.remainingMs,
      secret: secret && secret.turn === state.turn && !newGame ? secret : null,
      ...(newGame ? { lines: [], dismissedGameId: null } : {}),
    })
  }

  private onSecret(payload: unknown): void {
    const parsed = gameSecretEventSchema.safeParse(payload)
    if (!parsed.success) return console.warn('game: ignored a malformed secret')
    this.applySecret(parsed.data)
  }

  private applySecret(secret: GameSecretEvent): void {
    this.deps.store.setState({ secret })
  }

  private onChat(payload: unknown): void {
    const parsed = gameChatEventSchema.safeParse(payload)
    if (!parsed.success) return console.warn('game: ignored a malformed chat line')
    const line = { ...parsed.data, key: `g${++this.lineSeq}` }
    this.deps.store.setState((s) => ({ lines: [...s.lines, line].slice(-LINES_MAX) }))
  }
}
