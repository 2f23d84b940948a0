/**
 * moim://join links, the confirmation rule (security issue: a link must never silently or
 * permanently switch the user's server):
 *  - a link only opens a dialog; nothing is joined, filled in or saved until the user accepts;
 *  - the dialog shows the room and the server's host; a server from the link is used for joining
 *    that room only, and the saved server (Settings) never changes;
 *  - accepting during a call leaves that call first, as the dialog says.
 */
import type { DeepLinkJoin, MoimDesktopApi } from '../../platform/desktop'
import type { Session } from '../../session/types'
import { isValidRoomName } from '../lobby/launchParams'
import { joinFromLobby, type JoinOutcome } from '../lobby/joinRoom'
import { lobbyStore } from '../lobby/lobbyStore'
import { parseServerUrl } from '../settings/serverUrl'
import { desktopStore } from './desktopStore'

export type OfferedServer =
  /** From the link: shown by host, used for this room's join only. */
  | { kind: 'link'; url: string; host: string }
  /** The link names no server: the user's own choice from Settings. */
  | { kind: 'saved' }

export interface DeepLinkOffer {
  room: string
  server: OfferedServer
  /** The room of the current call, which accepting leaves; null outside a call. */
  leaves: string | null
  /** The room key of an invite-only (hosted) call, sent with this room's join only. */
  key: string | null
}

export type OfferResult =
  | { ok: true; offer: DeepLinkOffer }
  | { ok: false; reason: 'invalid-room' | 'invalid-server' | 'same-call' }

/** What the dialog offers for a link (main already parsed it; this checks again). */
export function offerFromLink(link: DeepLinkJoin, currentCallRoom: string | null): OfferResult {
  if (!isValidRoomName(link.room)) return { ok: false, reason: 'invalid-room' }
  let server: OfferedServer = { kind: 'saved' }
  if (link.server !== null) {
    const parsed = parseServerUrl(link.server)
    if (!parsed.ok) return { ok: false, reason: 'invalid-server' }
    server = { kind: 'link', url: parsed.url, host: new URL(parsed.url).host }
  }
  // A link to the call you are in (e.g. clicked twice) has nothing to offer.
  if (currentCallRoom === link.room && server.kind === 'saved') {
    return { ok: false, reason: 'same-call' }
  }
  return {
    ok: true,
    offer: { room: link.room, server, leaves: currentCallRoom, key: link.key ?? null },
  }
}

/** Shows the dialog for a link; a newer link replaces one still waiting. */
export function receiveLink(link: DeepLinkJoin, currentCallRoom: string | null): OfferResult {
  const result = offerFromLink(link, currentCallRoom)
  if (result.ok) desktopStore.setState({ linkOffer: result.offer })
  return result
}

export function declineLink(): void {
  desktopStore.setState({ linkOffer: null })
}

/** The user pressed Join in the dialog (with the name it asked for). */
export async function acceptLink(
  offer: DeepLinkOffer,
  name: string,
  session: Session,
  desktop: Pick<MoimDesktopApi, 'getHostInfo'> | null,
): Promise<JoinOutcome> {
  desktopStore.setState({ linkOffer: null })
  if (offer.leaves !== null) await session.leave()
  const lobby = lobbyStore.getState()
  lobby.update({
    room: offer.room,
    name,
    invite: offer.key !== null ? { room: offer.room, key: offer.key } : null,
  })
  lobby.setLinkServer(
    offer.server.kind === 'link'
      ? { room: offer.room, url: offer.server.url, host: offer.server.host }
      : null,
  )
  return joinFromLobby(session, desktop)
}
