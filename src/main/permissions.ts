/**
 * Chromium permission gate for the app's session. Allowed: what a call needs (camera and
 * microphone, screen capture, chat notifications) plus writing the invite link to the
 * clipboard and fullscreen for an enlarged screen share — and only for the app's own pages.
 * Everything else (geolocation, USB, MIDI, clipboard *read*, ...) is denied.
 */
import type { Session } from 'electron'
import type { OriginPolicy } from './appOrigin'

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'media',
  'display-capture',
  'notifications',
  // navigator.clipboard.writeText for "Copy invite link"; reading stays denied.
  'clipboard-sanitized-write',
  // Element.requestFullscreen for an enlarged screen share tile.
  'fullscreen',
])

const ALLOWED_MEDIA_TYPES: ReadonlySet<string> = new Set(['audio', 'video'])

export interface PermissionQuery {
  permission: string
  /** URL or origin of the requesting frame. */
  origin: string | null | undefined
  /** For 'media' requests: the device kinds asked for ("audio", "video"). */
  mediaTypes?: readonly string[]
}

export function isPermissionAllowed(policy: OriginPolicy, query: PermissionQuery): boolean {
  if (!ALLOWED_PERMISSIONS.has(query.permission)) return false
  if (!policy.isTrusted(query.origin)) return false
  if (query.permission === 'media' && query.mediaTypes) {
    return query.mediaTypes.every((type) => ALLOWED_MEDIA_TYPES.has(type))
  }
  return true
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>

export function setupPermissions(session: PermissionSession, policy: OriginPolicy): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    callback(
      isPermissionAllowed(policy, {
        permission,
        origin: details.requestingUrl || webContents.getURL(),
        mediaTypes,
      }),
    )
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(policy, { permission, origin: requestingOrigin }),
  )
}
