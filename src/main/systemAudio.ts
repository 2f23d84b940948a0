/**
 * "Share system audio" with a screen share. The display-media handler answers with
 * `audio: 'loopback'`; Chromium captures it natively on Windows, and on macOS (ScreenCaptureKit,
 * 12.3+) and Linux (the PulseAudio monitor of the default output, also served by PipeWire's pulse
 * server) behind feature switches that must be on before the app is ready. The same switches
 * are what the electron-audio-loopback package turns on; this module does it without the
 * package's own IPC and handler, which would bypass Moim's picker and origin checks.
 */
import { join } from 'node:path'
import type { SystemAudioLimit } from '../preload/index.d'

const FEATURES_SWITCH = 'enable-features'

/** Chromium features that route 'loopback' audio to the OS's system-audio capture. */
export const LOOPBACK_FEATURES: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  // ScreenCaptureKit audio for screen shares, and its use for the 'loopback' device.
  darwin: ['MacLoopbackAudioForScreenShare', 'MacSckSystemAudioLoopbackOverride'],
  linux: ['PulseaudioLoopbackForScreenShare'],
}

export interface CommandLineLike {
  hasSwitch(name: string): boolean
  getSwitchValue(name: string): string
  appendSwitch(name: string, value?: string): void
  removeSwitch(name: string): void
}

/**
 * Adds the loopback features to --enable-features, keeping any the user passed (Chromium reads
 * one value, so they are merged rather than appended twice). Call before app 'ready'.
 */
export function enableLoopbackFeatures(
  commandLine: CommandLineLike,
  platform: NodeJS.Platform,
): string[] {
  const wanted = LOOPBACK_FEATURES[platform] ?? []
  if (wanted.length === 0) return []
  const existing = commandLine.hasSwitch(FEATURES_SWITCH)
    ? commandLine
        .getSwitchValue(FEATURES_SWITCH)
        .split(',')
        .map((feature) => feature.trim())
        .filter(Boolean)
    : []
  const merged = [...new Set([...existing, ...wanted])]
  if (commandLine.hasSwitch(FEATURES_SWITCH)) commandLine.removeSwitch(FEATURES_SWITCH)
  commandLine.appendSwitch(FEATURES_SWITCH, merged.join(','))
  return merged
}

export interface SystemAudioEnvironment {
  platform: NodeJS.Platform
  /** The OS version, e.g. "14.2.1" on macOS (Electron's process.getSystemVersion()). */
  systemVersion: string
  env: Readonly<Record<string, string | undefined>>
  uid: number | undefined
  exists: (path: string) => boolean
}

export type SystemAudioSupport = { supported: true } | { supported: false; limit: SystemAudioLimit }

function atLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map((part) => Number.parseInt(part, 10))
  if (!Number.isFinite(a)) return false
  return a > major || (a === major && (Number.isFinite(b) ? b : 0) >= minor)
}

/** A PulseAudio server (or PipeWire's pulse server) this user's apps can reach. */
function hasPulseServer(environment: SystemAudioEnvironment): boolean {
  const { env, uid, exists } = environment
  if (env.PULSE_SERVER) return true
  const runtimeDirs = [env.XDG_RUNTIME_DIR, uid !== undefined ? `/run/user/${uid}` : undefined]
  return runtimeDirs.some((dir) => dir !== undefined && exists(join(dir, 'pulse', 'native')))
}

export function systemAudioSupport(environment: SystemAudioEnvironment): SystemAudioSupport {
  switch (environment.platform) {
    case 'win32':
      return { supported: true }
    case 'darwin':
      return atLeast(environment.systemVersion, 12, 3)
        ? { supported: true }
        : { supported: false, limit: 'macos-too-old' }
    case 'linux':
      return hasPulseServer(environment)
        ? { supported: true }
        : { supported: false, limit: 'no-pulseaudio' }
    default:
      return { supported: false, limit: 'unsupported-os' }
  }
}
