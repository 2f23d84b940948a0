/**
 * OS-level camera/microphone/screen-recording consent. macOS gates each app (TCC); Windows has
 * per-app camera/microphone switches; Linux has neither. The renderer uses this to explain a
 * denial and offer a button that opens the right settings page.
 */
import { z } from 'zod'
import type { MediaAccessKind, MediaAccessStatus } from '../preload/index.d'

export const mediaKindSchema = z.enum(['camera', 'microphone', 'screen'])
export const askableKindSchema = z.enum(['camera', 'microphone'])

/** Fixed settings URLs: nothing here comes from the renderer except the enum key. */
const SETTINGS_URLS: Partial<Record<NodeJS.Platform, Partial<Record<MediaAccessKind, string>>>> = {
  darwin: {
    camera: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    microphone: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
    screen: 'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
  },
  win32: {
    camera: 'ms-settings:privacy-webcam',
    microphone: 'ms-settings:privacy-microphone',
  },
}

export interface SystemPreferencesLike {
  getMediaAccessStatus(kind: MediaAccessKind): string
  askForMediaAccess(kind: 'camera' | 'microphone'): Promise<boolean>
}

export interface MediaAccessOptions {
  platform: NodeJS.Platform
  systemPreferences: SystemPreferencesLike
  /** shell.openExternal, only ever given a URL from SETTINGS_URLS. */
  openSettingsUrl: (url: string) => Promise<void>
}

const STATUSES: readonly MediaAccessStatus[] = [
  'not-determined',
  'granted',
  'denied',
  'restricted',
  'unknown',
]

export function createMediaAccess(options: MediaAccessOptions) {
  const gated = options.platform === 'darwin' || options.platform === 'win32'
  return {
    getStatus(kind: MediaAccessKind): MediaAccessStatus {
      if (!gated) return 'granted'
      if (kind === 'screen' && options.platform !== 'darwin') return 'granted'
      const status = options.systemPreferences.getMediaAccessStatus(kind)
      return (STATUSES as readonly string[]).includes(status)
        ? (status as MediaAccessStatus)
        : 'unknown'
    },
    async ask(kind: 'camera' | 'microphone'): Promise<boolean> {
      if (options.platform !== 'darwin') return true
      return options.systemPreferences.askForMediaAccess(kind)
    },
    async openSettings(kind: MediaAccessKind): Promise<void> {
      const url = SETTINGS_URLS[options.platform]?.[kind]
      if (!url) throw new Error(`no system settings page for ${kind} on ${options.platform}`)
      await options.openSettingsUrl(url)
    },
  }
}

export type MediaAccess = ReturnType<typeof createMediaAccess>
