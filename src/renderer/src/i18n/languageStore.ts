import { createStore } from 'zustand/vanilla'
import { resolveLanguage, type Language } from './language'

const STORAGE_KEY = 'moim.language'

export interface LanguageState {
  language: Language
  /** Switches the UI language; `persist` saves it as the user's settings choice. */
  setLanguage: (language: Language, options?: { persist?: boolean }) => void
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    // Storage can be disabled (private mode, sandboxed iframes); fall back to other sources.
    return null
  }
}

function save(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisting is acceptable: the choice still applies to this session.
  }
}

export function detectLanguage(): Language {
  const nav = globalThis.navigator
  return resolveLanguage({
    query: new URLSearchParams(globalThis.location?.search ?? '').get('lang'),
    saved: readSaved(),
    navigatorLanguages: nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [],
  })
}

export function readSavedLanguage(): Language | null {
  const saved = readSaved()
  return saved === 'en' || saved === 'ko' ? saved : null
}

export const languageStore = createStore<LanguageState>()((set) => ({
  language: detectLanguage(),
  setLanguage: (language, options) => {
    if (options?.persist) save(language)
    set({ language })
  },
}))
