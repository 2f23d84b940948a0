/**
 * Draw-and-guess messages between the signaling server (which runs the game) and clients.
 * The server validates every request with these schemas; clients validate every event.
 * See docs/protocol.md, "Draw-and-guess game".
 */
import { z } from 'zod'
import type { Ack } from '../protocol'
import { GAME_LANGUAGES, gameSettingsSchema, WORD_MAX_LENGTH } from './settings'

/** Characters (code points) in one guess. */
export const GUESS_MAX_LENGTH = 100
/** Players listed in a game (room capacity is at most 12; people who left keep their line). */
export const GAME_PLAYERS_MAX = 64

const peerId = z.string().min(1).max(64)
const name = z.string().min(1).max(64)
const word = z
  .string()
  .min(1)
  .max(WORD_MAX_LENGTH * 4)

export const GAME_PHASES = ['choosing', 'drawing', 'reveal', 'over'] as const
export type GamePhase = (typeof GAME_PHASES)[number]

// ---- client -> server requests (each with an ack) ----

export const gameStartRequestSchema = z.strictObject({ settings: gameSettingsSchema })
export type GameStartRequest = z.input<typeof gameStartRequestSchema>

export const gameChooseRequestSchema = z.strictObject({
  /** Turn number the choice is for: a late click for a finished turn is refused, not misapplied. */
  turn: z.number().int().min(1),
  index: z.number().int().min(0).max(4),
})
export type GameChooseRequest = z.infer<typeof gameChooseRequestSchema>

export const gameGuessRequestSchema = z.strictObject({
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'empty guess')
    .refine((t) => [...t].length <= GUESS_MAX_LENGTH, `at most ${GUESS_MAX_LENGTH} characters`),
})
export type GameGuessRequest = z.infer<typeof gameGuessRequestSchema>

export const gameStopRequestSchema = z.strictObject({})
export const gameSyncRequestSchema = z.strictObject({})

/**
 * What became of a guess. `ignored`: not taken (the drawer guessing, someone who already
 * guessed, a turn not in its drawing phase or past its time).
 */
export const GUESS_VERDICTS = ['correct', 'close', 'wrong', 'ignored'] as const
export type GuessResult = (typeof GUESS_VERDICTS)[number]

// ---- server -> client events ----

export const gamePlayerSchema = z.strictObject({
  id: peerId,
  name,
  score: z.number().int().min(0),
  /** Guessed the word this turn (always false for the drawer). */
  guessed: z.boolean(),
  /** Still in the room; people who left keep their score on the board. */
  present: z.boolean(),
})
export type GamePlayer = z.infer<typeof gamePlayerSchema>

/** Settings as everyone may see them: custom words are secret, only their number is shown. */
export const publicSettingsSchema = z.strictObject({
  rounds: z.number().int(),
  drawTimeSec: z.number().int(),
  wordChoices: z.number().int(),
  hints: z.number().int(),
  language: z.enum(GAME_LANGUAGES),
  customOnly: z.boolean(),
  customWordCount: z.number().int().min(0),
})
export type PublicSettings = z.infer<typeof publicSettingsSchema>

export const gameStateSchema = z.strictObject({
  gameId: z.string().min(1).max(64),
  phase: z.enum(GAME_PHASES),
  /** Who started the game. */
  startedBy: peerId,
  settings: publicSettingsSchema,
  round: z.number().int().min(1),
  /** Turns so far in the game, counting this one (1-based); secrets carry it too. */
  turn: z.number().int().min(1),
  drawerId: peerId,
  players: z.array(gamePlayerSchema).max(GAME_PLAYERS_MAX),
  /** While drawing: one slot per character, null where still hidden. Otherwise null. */
  hint: z.array(z.string().max(8).nullable()).max(WORD_MAX_LENGTH).nullable(),
  /** Only in the reveal and over phases: the word of the turn that just ended. */
  word: word.nullable(),
  /** Milliseconds left in this phase when the server sent this. */
  remainingMs: z.number().int().min(0),
  /** Points each player won in the turn that just ended (reveal and over phases). */
  gains: z.array(z.strictObject({ id: peerId, points: z.number().int().min(0) })),
})
export type GameState = z.infer<typeof gameStateSchema>

export const gameStateEventSchema = z.strictObject({ state: gameStateSchema.nullable() })
export type GameStateEvent = z.infer<typeof gameStateEventSchema>

/** Only to the drawer: the words to choose from, then the chosen word. */
export const gameSecretEventSchema = z.union([
  z.strictObject({ turn: z.number().int().min(1), choices: z.array(word).min(1).max(5) }),
  z.strictObject({ turn: z.number().int().min(1), word }),
])
export type GameSecretEvent = z.infer<typeof gameSecretEventSchema>

export const gameChatEventSchema = z.discriminatedUnion('kind', [
  /** A wrong guess, shown to everyone. */
  z.strictObject({
    kind: z.literal('guess'),
    from: peerId,
    name,
    text: z.string().max(GUESS_MAX_LENGTH * 4),
  }),
  /** Someone guessed the word (the word itself is not in it). */
  z.strictObject({ kind: z.literal('guessed'), from: peerId, name }),
  /** Only to the guesser: their guess was one edit away (or contained the word). */
  z.strictObject({ kind: z.literal('close'), text: z.string().max(GUESS_MAX_LENGTH * 4) }),
])
export type GameChatEvent = z.infer<typeof gameChatEventSchema>

export interface GameSyncAckBody {
  state: GameState | null
  /** The caller's secret when they are the drawer of the current turn. */
  secret: GameSecretEvent | null
}

/** Client -> server game events, in the style of ClientToServerEvents. */
export interface GameClientEvents {
  'game:start': (req: GameStartRequest, ack: (res: Ack) => void) => void
  'game:choose': (req: GameChooseRequest, ack: (res: Ack) => void) => void
  'game:guess': (req: GameGuessRequest, ack: (res: Ack<{ result: GuessResult }>) => void) => void
  'game:stop': (req: Record<string, never>, ack: (res: Ack) => void) => void
  'game:sync': (req: Record<string, never>, ack: (res: Ack<GameSyncAckBody>) => void) => void
}

/** Names of the events the server sends for the game (clients subscribe to exactly these). */
export const GAME_SERVER_EVENTS = ['game:state', 'game:secret', 'game:chat'] as const

export interface GameServerEvents {
  'game:state': (payload: GameStateEvent) => void
  'game:secret': (payload: GameSecretEvent) => void
  'game:chat': (payload: GameChatEvent) => void
}
