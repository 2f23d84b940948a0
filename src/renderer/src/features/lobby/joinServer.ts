import type { StringKey } from '../../i18n/translate'
import type { MoimDesktopApi } from '../../platform/desktop'
import { resolveServerChoice, type ServerSettings } from '../settings/settingsStore'

export type JoinServer =
  { ok: true; url: string } | { ok: false; key: StringKey; hintKey?: StringKey }

/**
 * Which signaling server to join through. The web client always uses the page's own origin;
 * the desktop app uses its bundled server or the one chosen in settings.
 */
export async function resolveJoinServer(
  desktop: Pick<MoimDesktopApi, 'getHostInfo'> | null,
  settings: ServerSettings,
  pageOrigin: string,
): Promise<JoinServer> {
  const now = joinServerNow(desktop, settings, pageOrigin)
  if (now || !desktop) return now ?? { ok: true, url: pageOrigin }
  const host = await desktop.getHostInfo().catch(() => null)
  return host
    ? { ok: true, url: host.serverUrl }
    : { ok: false, key: 'error.serverUnreachable', hintKey: 'error.serverUnreachableHint' }
}

/**
 * The answer when it needs no round trip to the main process (the web client, or a remote
 * server in settings); null when the bundled server's address must be asked for. Lets Join send
 * its request within the click.
 */
export function joinServerNow(
  desktop: Pick<MoimDesktopApi, 'getHostInfo'> | null,
  settings: ServerSettings,
  pageOrigin: string,
): JoinServer | null {
  if (!desktop) return { ok: true, url: pageOrigin }
  const choice = resolveServerChoice(settings)
  if (!choice.ok) return { ok: false, key: 'settings.serverUrlInvalid' }
  if (choice.kind === 'remote') return { ok: true, url: choice.url }
  return null
}
