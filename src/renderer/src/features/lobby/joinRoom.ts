/**
 * Joining from the lobby form: the Join button and an accepted moim:// invite both come here.
 * The server is the invite link's (only while the form names the link's room) or the one from
 * Settings; a link never changes the saved server.
 */
import type { MoimDesktopApi } from '../../platform/desktop'
import type { Session } from '../../session/types'
import { settingsStore, type ServerSettings } from '../settings/settingsStore'
import { joinServerNow, resolveJoinServer, type JoinServer } from './joinServer'
import {
  activeLinkServer,
  inviteKeyFor,
  lobbyStore,
  validateLobbyForm,
  type FormProblems,
  type LobbyState,
} from './lobbyStore'
import { saveDisplayName } from './profile'

export interface JoinContext {
  desktop: Pick<MoimDesktopApi, 'getHostInfo'> | null
  settings: ServerSettings
  pageOrigin: string
  lobby: Pick<LobbyState, 'room' | 'linkServer'>
}

/** The answer when no round trip is needed (see joinServerNow); null when one is. */
export function joinServerWithoutWaiting(context: JoinContext): JoinServer | null {
  const link = context.desktop ? activeLinkServer(context.lobby) : null
  if (link) return { ok: true, url: link.url }
  return joinServerNow(context.desktop, context.settings, context.pageOrigin)
}

export async function chooseJoinServer(context: JoinContext): Promise<JoinServer> {
  return (
    joinServerWithoutWaiting(context) ??
    resolveJoinServer(context.desktop, context.settings, context.pageOrigin)
  )
}

export type JoinOutcome =
  { started: true; joined: boolean } | { started: false; problems: FormProblems }

/**
 * Validates the lobby form and joins. `onResolving` is told when the join must first ask the
 * main process for the bundled server's address (so the form can show it is busy).
 */
export async function joinFromLobby(
  session: Session,
  desktop: JoinContext['desktop'],
  onResolving: (resolving: boolean) => void = () => undefined,
): Promise<JoinOutcome> {
  const lobby = lobbyStore.getState()
  const problems = validateLobbyForm(lobby)
  lobby.setServerProblem(null)
  if (problems.name || problems.room) return { started: false, problems }
  const name = lobby.name.trim()
  const room = lobby.room.trim()
  saveDisplayName(name)
  const context: JoinContext = {
    desktop,
    settings: settingsStore.getState(),
    pageOrigin: globalThis.location?.origin ?? '',
    lobby,
  }
  let server = joinServerWithoutWaiting(context)
  if (!server) {
    onResolving(true)
    try {
      server = await chooseJoinServer(context)
    } finally {
      onResolving(false)
    }
  }
  if (!server.ok) {
    lobby.setServerProblem({ key: server.key, hintKey: server.hintKey })
    return { started: true, joined: false }
  }
  session.clearError()
  // The invite link's room key goes only to the room it was made for.
  const key = inviteKeyFor(lobby, room)
  const joined = await session.join({
    serverUrl: server.url,
    room,
    name,
    password: lobby.password === '' ? undefined : lobby.password,
    capacity: lobby.capacity,
    ...(key ? { key } : {}),
  })
  // The link's server was for this join; a refused join (wrong password) may try again.
  if (joined) lobbyStore.getState().setLinkServer(null)
  return { started: true, joined }
}
