/**
 * One room's draw-and-guess game, authoritative: turns, word choice, timer, hints, guesses and
 * scores. Pure of sockets and Redis: it hears requests and membership changes through method
 * calls and speaks through a GameOutput, with time from an injected GameClock. Its whole state
 * is plain data (GameData), so another process can take it over (see gameLease.ts).
 */
import { hintCount, hintTimes, revealOrder } from '../../src/shared/game/hints'
import { canonicalGuess, judgeGuess, revealsWord } from '../../src/shared/game/guess'
import { maskWord } from '../../src/shared/game/mask'
import type {
  GameChatEvent,
  GameSecretEvent,
  GameServerEvents,
  GameState,
  GuessResult,
  PublicSettings,
} from '../../src/shared/game/protocol'
import { drawerPoints, guesserPoints } from '../../src/shared/game/scoring'
import type { GameSettings } from '../../src/shared/game/settings'
import { pickChoices, wordPool } from '../../src/shared/game/words'
import type { PeerInfo } from '../../src/shared/protocol'
import type { GameClock } from './clock'

/** Time the drawer has to pick a word before one is picked for them. */
export const CHOOSE_MS = 15_000
/** Time the word and the turn's points stay up before the next turn. */
export const REVEAL_MS = 5_000
export const MIN_PLAYERS = 2

type Payloads = { [E in keyof GameServerEvents]: Parameters<GameServerEvents[E]>[0] }

export interface GameOutput {
  toRoom<E extends 'game:state' | 'game:chat'>(event: E, payload: Payloads[E]): void
  toPeer<E extends 'game:secret' | 'game:chat'>(
    peerId: string,
    event: E,
    payload: Payloads[E],
  ): void
  /** The game's data after every change (null when it ended), for a store other processes read. */
  saved(data: GameData | null): void
}

interface PlayerData {
  id: string
  name: string
  score: number
  present: boolean
}

/** Everything the game is, as plain JSON-safe data. */
export interface GameData {
  gameId: string
  roomId: string
  startedBy: string
  settings: GameSettings
  phase: GameState['phase']
  round: number
  turn: number
  players: PlayerData[]
  /** Who still draws in this round, in order. */
  queue: string[]
  drawerId: string
  choices: string[]
  word: string | null
  /** Canonical forms of the words already drawn in this game. */
  used: string[]
  reveal: number[]
  hintsShown: number
  /** When the drawing started (drawing phase), for the points of a guess. */
  drawStartedAt: number
  phaseEndsAt: number
  /** Who may guess this turn: present at its start, not the drawer. */
  guessers: string[]
  /** Who guessed, in order, with their points. */
  guessed: Array<{ id: string; points: number }>
  gains: Array<{ id: string; points: number }>
}

export class GameRoom {
  private cancelTimers: Array<() => void> = []

  private constructor(
    private data: GameData,
    private readonly clock: GameClock,
    private readonly out: GameOutput,
    private readonly random: () => number,
  ) {}

  static start(params: {
    gameId: string
    roomId: string
    startedBy: string
    settings: GameSettings
    members: readonly PeerInfo[]
    clock: GameClock
    out: GameOutput
    random?: () => number
  }): GameRoom {
    const { members } = params
    const room = new GameRoom(
      {
        gameId: params.gameId,
        roomId: params.roomId,
        startedBy: params.startedBy,
        settings: params.settings,
        phase: 'choosing',
        round: 1,
        turn: 0,
        players: members.map((m) => ({ id: m.id, name: m.name, score: 0, present: true })),
        queue: members.map((m) => m.id),
        drawerId: members[0]?.id ?? '',
        choices: [],
        word: null,
        used: [],
        reveal: [],
        hintsShown: 0,
        drawStartedAt: 0,
        phaseEndsAt: 0,
        guessers: [],
        guessed: [],
        gains: [],
      },
      params.clock,
      params.out,
      params.random ?? Math.random,
    )
    room.nextTurn()
    return room
  }

  /** Continues a game another process ran (its timers start again from the saved deadlines). */
  static resume(data: GameData, clock: GameClock, out: GameOutput, random = Math.random): GameRoom {
    const room = new GameRoom(structuredClone(data), clock, out, random)
    room.armTimers()
    return room
  }

  get snapshot(): GameData {
    return structuredClone(this.data)
  }

  get ended(): boolean {
    return this.data.phase === 'over'
  }

  /** The state every player sees; never holds the word before the reveal. */
  publicState(): GameState {
    const d = this.data
    const revealed = d.phase === 'reveal' || d.phase === 'over'
    const guessedIds = new Set(d.guessed.map((g) => g.id))
    return {
      gameId: d.gameId,
      phase: d.phase,
      startedBy: d.startedBy,
      settings: publicSettings(d.settings),
      round: d.round,
      turn: Math.max(1, d.turn),
      drawerId: d.drawerId,
      players: d.players.map((p) => ({
        id: p.id,
        name: p.name,
        score: p.score,
        guessed: guessedIds.has(p.id),
        present: p.present,
      })),
      hint:
        d.phase === 'drawing' && d.word !== null
          ? maskWord(d.word, d.reveal.slice(0, d.hintsShown))
          : null,
      word: revealed ? d.word : null,
      remainingMs: d.phase === 'over' ? 0 : Math.max(0, d.phaseEndsAt - this.clock.now()),
      gains: revealed ? d.gains : [],
    }
  }

  /** The drawer's secret for this turn (choices, then the word); null for everyone else. */
  secretFor(peerId: string): GameSecretEvent | null {
    const d = this.data
    if (peerId !== d.drawerId) return null
    if (d.phase === 'choosing') return { turn: d.turn, choices: [...d.choices] }
    if (d.phase === 'drawing' && d.word !== null) return { turn: d.turn, word: d.word }
    return null
  }

  isPlayer(peerId: string): boolean {
    return this.data.players.some((p) => p.id === peerId)
  }

  choose(peerId: string, turn: number, index: number): string | null {
    const d = this.data
    if (d.phase !== 'choosing' || turn !== d.turn) return 'that turn is no longer choosing a word'
    if (peerId !== d.drawerId) return 'only the drawer chooses the word'
    if (index >= d.choices.length)
      return `index: there are ${d.choices.length} words to choose from`
    this.beginDrawing(d.choices[index])
    return null
  }

  guess(peerId: string, text: string): GuessResult {
    const d = this.data
    const now = this.clock.now()
    if (d.phase !== 'drawing' || d.word === null || now >= d.phaseEndsAt) return 'ignored'
    if (!d.guessers.includes(peerId) || d.guessed.some((g) => g.id === peerId)) return 'ignored'
    const player = d.players.find((p) => p.id === peerId)
    if (!player) return 'ignored'
    const verdict = judgeGuess(text, d.word)
    if (verdict === 'correct') {
      const points = guesserPoints(now - d.drawStartedAt, d.settings.drawTimeSec * 1000)
      d.guessed.push({ id: peerId, points })
      this.out.toRoom('game:chat', { kind: 'guessed', from: peerId, name: player.name })
      if (this.everyoneGuessed()) this.endTurn()
      else this.publish()
      return 'correct'
    }
    if (revealsWord(text, d.word)) {
      this.out.toPeer(peerId, 'game:chat', { kind: 'close', text })
      return verdict === 'close' ? 'close' : 'wrong'
    }
    const line: GameChatEvent = { kind: 'guess', from: peerId, name: player.name, text }
    this.out.toRoom('game:chat', line)
    return 'wrong'
  }

  /** `previousId`: the id this person had before coming back under a new one (resume token). */
  memberJoined(peer: PeerInfo, previousId?: string): void {
    const returning = previousId
      ? this.data.players.find((p) => p.id === previousId && !p.present)
      : undefined
    if (returning && !this.data.players.some((p) => p.id === peer.id)) {
      this.rekey(returning.id, peer.id)
    }
    const player = this.data.players.find((p) => p.id === peer.id)
    if (player) {
      // A reconnect (same peer id through the resume token): same line, same score.
      player.present = true
      player.name = peer.name
    } else if (this.data.phase !== 'over') {
      // Guesses from the next turn on; draws when the next round's order is made.
      this.data.players.push({ id: peer.id, name: peer.name, score: 0, present: true })
    } else return
    this.publish()
  }

  memberLeft(peerId: string): void {
    const d = this.data
    const player = d.players.find((p) => p.id === peerId)
    if (!player || !player.present) return
    player.present = false
    d.queue = d.queue.filter((id) => id !== peerId)
    if (d.phase === 'over') return this.publish()
    if (d.players.filter((p) => p.present).length < MIN_PLAYERS) return this.finish()
    const inTurn = d.phase === 'choosing' || d.phase === 'drawing'
    if (inTurn && peerId === d.drawerId) return this.endTurn()
    if (d.phase === 'drawing' && this.everyoneGuessed()) return this.endTurn()
    this.publish()
  }

  /** Everything the game knows of `from` now belongs to `to` (the same person, a new peer id). */
  private rekey(from: string, to: string): void {
    const d = this.data
    const swap = (id: string): string => (id === from ? to : id)
    for (const p of d.players) p.id = swap(p.id)
    for (const g of d.guessed) g.id = swap(g.id)
    for (const g of d.gains) g.id = swap(g.id)
    d.guessers = d.guessers.map(swap)
    d.queue = d.queue.map(swap)
    d.drawerId = swap(d.drawerId)
  }

  /** Ends the game at once (the host stopped it); nothing is sent after this. */
  stop(): void {
    this.clearTimers()
    this.data.phase = 'over'
    this.out.saved(null)
  }

  dispose(): void {
    this.clearTimers()
  }

  private everyoneGuessed(): boolean {
    const d = this.data
    const present = new Set(d.players.filter((p) => p.present).map((p) => p.id))
    const waiting = d.guessers.filter(
      (id) => present.has(id) && !d.guessed.some((g) => g.id === id),
    )
    return waiting.length === 0
  }

  private nextTurn(): void {
    const d = this.data
    const present = new Set(d.players.filter((p) => p.present).map((p) => p.id))
    d.queue = d.queue.filter((id) => present.has(id))
    if (d.queue.length === 0) {
      if (d.turn > 0) d.round++
      if (d.round > d.settings.rounds) return this.finish()
      d.queue = d.players.filter((p) => p.present).map((p) => p.id)
    }
    const drawerId = d.queue.shift() as string
    d.turn++
    d.drawerId = drawerId
    d.phase = 'choosing'
    d.word = null
    d.reveal = []
    d.hintsShown = 0
    d.guessed = []
    d.gains = []
    d.guessers = d.players.filter((p) => p.present && p.id !== drawerId).map((p) => p.id)
    d.choices = pickChoices(
      wordPool(d.settings),
      d.settings.wordChoices,
      new Set(d.used),
      this.random,
    )
    d.phaseEndsAt = this.clock.now() + CHOOSE_MS
    this.armTimers()
    this.publish()
    this.out.toPeer(drawerId, 'game:secret', { turn: d.turn, choices: [...d.choices] })
  }

  private beginDrawing(word: string): void {
    const d = this.data
    const now = this.clock.now()
    d.phase = 'drawing'
    d.word = word
    d.used.push(canonicalGuess(word))
    d.reveal = revealOrder(word, this.random).slice(0, hintCount(word, d.settings.hints))
    d.hintsShown = 0
    d.drawStartedAt = now
    d.phaseEndsAt = now + d.settings.drawTimeSec * 1000
    this.armTimers()
    this.out.toPeer(d.drawerId, 'game:secret', { turn: d.turn, word })
    this.publish()
  }

  private endTurn(): void {
    const d = this.data
    const gains = new Map<string, number>()
    for (const g of d.guessed) gains.set(g.id, g.points)
    // A drawer who walked out of the turn earns nothing for it.
    const drawerStayed = d.players.some((p) => p.id === d.drawerId && p.present)
    if (d.phase === 'drawing' && drawerStayed && d.guessed.length > 0) {
      gains.set(d.drawerId, drawerPoints(d.guessed.length))
    }
    for (const p of d.players) p.score += gains.get(p.id) ?? 0
    d.gains = [...gains].map(([id, points]) => ({ id, points }))
    d.phase = 'reveal'
    d.phaseEndsAt = this.clock.now() + REVEAL_MS
    this.armTimers()
    this.publish()
  }

  private finish(): void {
    const d = this.data
    if (d.phase === 'choosing' || d.phase === 'drawing') {
      // The turn in progress still counts what was guessed before the game ended.
      for (const g of d.guessed) {
        const p = d.players.find((x) => x.id === g.id)
        if (p) p.score += g.points
      }
    }
    d.phase = 'over'
    d.phaseEndsAt = this.clock.now()
    this.clearTimers()
    this.publish()
  }

  /** (Re)starts the timers of the current phase from the saved deadlines. */
  private armTimers(): void {
    this.clearTimers()
    const d = this.data
    const now = this.clock.now()
    const left = d.phaseEndsAt - now
    if (d.phase === 'choosing') {
      this.cancelTimers.push(
        this.clock.after(left, () =>
          this.beginDrawing(d.choices[Math.floor(this.random() * d.choices.length)]),
        ),
      )
    } else if (d.phase === 'drawing') {
      this.cancelTimers.push(this.clock.after(left, () => this.endTurn()))
      const times = hintTimes(d.settings.drawTimeSec * 1000, d.reveal.length)
      times.forEach((t, i) => {
        if (i < d.hintsShown) return
        this.cancelTimers.push(
          this.clock.after(d.drawStartedAt + t - now, () => {
            d.hintsShown = Math.max(d.hintsShown, i + 1)
            this.publish()
          }),
        )
      })
    } else if (d.phase === 'reveal') {
      this.cancelTimers.push(this.clock.after(left, () => this.nextTurn()))
    }
  }

  private clearTimers(): void {
    for (const cancel of this.cancelTimers.splice(0)) cancel()
  }

  private publish(): void {
    this.out.saved(this.snapshot)
    this.out.toRoom('game:state', { state: this.publicState() })
  }
}

export function publicSettings(s: GameSettings): PublicSettings {
  return {
    rounds: s.rounds,
    drawTimeSec: s.drawTimeSec,
    wordChoices: s.wordChoices,
    hints: s.hints,
    language: s.language,
    customOnly: s.customOnly,
    customWordCount: s.customWords.length,
  }
}
