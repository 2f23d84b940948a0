import type { MoimDesktopApi } from '../../platform/desktop'

type MediaAccessApi = Pick<MoimDesktopApi, 'platform' | 'media'>

/**
 * macOS gates camera and microphone per app: ask once, before the first preview, so the OS
 * prompt appears instead of getUserMedia failing silently. Elsewhere the OS does not gate apps.
 */
export async function ensureMediaAccess(desktop: MediaAccessApi | null): Promise<void> {
  if (!desktop || desktop.platform !== 'darwin') return
  for (const kind of ['camera', 'microphone'] as const) {
    const status = await desktop.media.getAccessStatus(kind).catch(() => 'unknown' as const)
    if (status === 'not-determined') await desktop.media.askForAccess(kind).catch(() => false)
  }
}

/** Which privacy pane to open for a denied device ("camera+microphone" opens the camera one). */
export function settingsPaneFor(device: string | null): 'camera' | 'microphone' {
  return device === 'microphone' ? 'microphone' : 'camera'
}
