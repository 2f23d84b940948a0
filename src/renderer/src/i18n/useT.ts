import { useCallback } from 'react'
import { useStore } from 'zustand'
import type { Language } from './language'
import { languageStore } from './languageStore'
import { translate, type StringKey, type TranslateVars } from './translate'

export type TFunction = (key: StringKey, vars?: TranslateVars) => string

export function useLanguage(): Language {
  return useStore(languageStore, (state) => state.language)
}

/** The translation function for the current UI language; re-renders when the language changes. */
export function useT(): TFunction {
  const language = useLanguage()
  return useCallback((key, vars) => translate(language, key, vars), [language])
}
