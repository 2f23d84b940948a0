import { useCallback } from 'react'
import { useLanguage } from '../../i18n/useT'
import { screenShareStrings, type ScreenShareStringKey } from './strings'

export type ScreenShareT = (key: ScreenShareStringKey) => string

/** Lookup for the picker's strings in the current UI language. */
export function useScreenShareStrings(): ScreenShareT {
  const language = useLanguage()
  return useCallback((key) => screenShareStrings[language][key], [language])
}
