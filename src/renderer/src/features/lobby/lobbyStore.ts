/**
 * The lobby form. Kept in a store rather than component state so a moim:// deep link can fill
 * the room from outside, and so the form keeps its values after leaving a call.
 */
import { createStore } from 'zustand/vanilla'
import {
  DEFAULT_CAPACITY,
  MAX_CAPACITY,
  MIN_CAPACITY,
  NAME_MAX_LENGTH,
} from '../../../../shared/limits'
import { normalizeRoomId } from '../../../../shared/text'
import type { StringKey } from '../../i18n/translate'
import { isValidRoomName, parseLaunchParams } from './launchParams'
import { loadDisplayName } from './profile'

export interface LobbyForm {
  name: string
  room: string
  password: string
  capacity: number
  /**
   * The room key from an invite link (web: `#key=`; app: a moim:// link's `key=`), and the
   * room it belongs to: sent with a join to that room only.
   */
  invite: { room: string; key: string } | null
}

/**
 * A signaling server from an invite link the user accepted in the link's dialog: used for
 * joining that link's room only, never saved (the saved server changes only in Settings).
 */
export interface LinkServer {
  room: string
  url: string
  host: string
}

export interface ServerProblem {
  key: StringKey
  hintKey?: StringKey
}

export interface LobbyState extends LobbyForm {
  linkServer: LinkServer | null
  /** Why the last Join could not reach a server (shown under the form). */
  serverProblem: ServerProblem | null
  update: (patch: Partial<LobbyForm>) => void
  setLinkServer: (linkServer: LinkServer | null) => void
  setServerProblem: (problem: ServerProblem | null) => void
}

export function initialLobbyForm(search: string, savedName: string, hash = ''): LobbyForm {
  const launch = parseLaunchParams(search, hash)
  return {
    name: savedName,
    room: launch.room ?? '',
    password: '',
    capacity: DEFAULT_CAPACITY,
    invite:
      launch.room !== null && launch.key !== null ? { room: launch.room, key: launch.key } : null,
  }
}

/** The key to send when joining `room`: the invite's, if the form still names its room. */
export function inviteKeyFor(form: Pick<LobbyForm, 'invite'>, room: string): string | undefined {
  if (!form.invite) return undefined
  return normalizeRoomId(room.trim()) === form.invite.room ? form.invite.key : undefined
}

export const lobbyStore = createStore<LobbyState>()((set) => ({
  ...initialLobbyForm(
    globalThis.location?.search ?? '',
    loadDisplayName(),
    globalThis.location?.hash ?? '',
  ),
  linkServer: null,
  serverProblem: null,
  update: (patch) => set(patch),
  setLinkServer: (linkServer) => set({ linkServer }),
  setServerProblem: (serverProblem) => set({ serverProblem }),
}))

/** The link's server, while the form still names the link's room. */
export function activeLinkServer(
  state: Pick<LobbyState, 'room' | 'linkServer'>,
): LinkServer | null {
  const link = state.linkServer
  return link && link.room === state.room.trim() ? link : null
}

export interface FormProblems {
  name?: StringKey
  room?: StringKey
}

/** Client-side checks matching the server's rules, so mistakes are explained before a round trip. */
export function validateLobbyForm(form: LobbyForm): FormProblems {
  const problems: FormProblems = {}
  const name = form.name.trim()
  if (name === '') problems.name = 'lobby.nameRequired'
  else if (name.length > NAME_MAX_LENGTH) problems.name = 'lobby.nameTooLong'
  const room = form.room.trim()
  if (room === '') problems.room = 'lobby.roomRequired'
  else if (!isValidRoomName(room)) problems.room = 'lobby.roomInvalid'
  return problems
}

export const CAPACITY_CHOICES: readonly number[] = Array.from(
  { length: MAX_CAPACITY - MIN_CAPACITY + 1 },
  (_, index) => MIN_CAPACITY + index,
)
