export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Maps a BCP 47 tag like "ko-KR" to a supported language; anything but Korean gets English. */
export function languageFromLocale(tag: string): Language {
  return tag.trim().toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

export interface LanguageSources {
  /** The `?lang=` query parameter, if any: wins so shared links and tests are deterministic. */
  query: string | null
  /** The choice saved in settings, if any. */
  saved: string | null
  /** navigator.languages (or [navigator.language]); the first entry is the user's preference. */
  navigatorLanguages: readonly string[]
}

export function resolveLanguage({ query, saved, navigatorLanguages }: LanguageSources): Language {
  if (isLanguage(query)) return query
  if (isLanguage(saved)) return saved
  const preferred = navigatorLanguages.find((tag) => tag.trim() !== '')
  return preferred === undefined ? 'en' : languageFromLocale(preferred)
}
