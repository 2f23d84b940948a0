/**
 * Desktop-only settings the lobby offers: where the signaling server is. Persisted in
 * localStorage; the language choice lives in i18n/languageStore.
 */
import { createStore } from 'zustand/vanilla'
import { parseServerUrl } from './serverUrl'

export type ServerMode = 'host' | 'remote'

export interface ServerSettings {
  mode: ServerMode
  /** What the user typed for "Use a server"; validated with parseServerUrl before use. */
  remoteUrl: string
}

export interface SettingsState extends ServerSettings {
  setMode: (mode: ServerMode) => void
  setRemoteUrl: (url: string) => void
}

const STORAGE_KEY = 'moim.server'
const DEFAULTS: ServerSettings = { mode: 'host', remoteUrl: '' }

/** Reads saved settings, ignoring anything malformed (hand-edited or from an older version). */
export function parseSavedServerSettings(raw: string | null): ServerSettings {
  if (raw === null) return { ...DEFAULTS }
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return { ...DEFAULTS }
    const record = value as Record<string, unknown>
    return {
      mode: record.mode === 'remote' ? 'remote' : 'host',
      remoteUrl: typeof record.remoteUrl === 'string' ? record.remoteUrl.slice(0, 2048) : '',
    }
  } catch {
    return { ...DEFAULTS }
  }
}

function load(): ServerSettings {
  try {
    return parseSavedServerSettings(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null)
  } catch {
    return { ...DEFAULTS }
  }
}

function persist(settings: ServerSettings): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings))
  } catch {
    // Unsaved settings still apply to this session.
  }
}

export const settingsStore = createStore<SettingsState>()((set, get) => ({
  ...load(),
  setMode: (mode) => {
    set({ mode })
    persist({ mode, remoteUrl: get().remoteUrl })
  },
  setRemoteUrl: (remoteUrl) => {
    set({ remoteUrl })
    persist({ mode: get().mode, remoteUrl })
  },
}))

export type ServerChoice =
  | { ok: true; kind: 'host' }
  | { ok: true; kind: 'remote'; url: string }
  | { ok: false; reason: 'invalid-url' }

/** What the lobby should connect to, given the settings. */
export function resolveServerChoice(settings: ServerSettings): ServerChoice {
  if (settings.mode === 'host') return { ok: true, kind: 'host' }
  const parsed = parseServerUrl(settings.remoteUrl)
  return parsed.ok
    ? { ok: true, kind: 'remote', url: parsed.url }
    : { ok: false, reason: 'invalid-url' }
}
