import { en, type CoreStringKey } from './en'
import { ko } from './ko'
import type { Language } from './language'
import { audioStrings } from './tables/audio'
import { chatStrings } from './tables/chat'
import { desktopStrings } from './tables/desktop'
import { gameStrings } from './tables/game'
import { filesStrings } from './tables/files'
import { qualityStrings } from './tables/quality'
import { screenDrawStrings } from './tables/screenDraw'
import { screenShareStrings } from './tables/screenShare'
import { securityStrings } from './tables/security'
import { whiteboardStrings } from './tables/whiteboard'

/**
 * Every UI string key: the core tables plus one table per feature (i18n/tables/<feature>.ts,
 * each with identical en and ko keys), merged here.
 */
const featureTables = [
  screenShareStrings,
  chatStrings,
  desktopStrings,
  securityStrings,
  gameStrings,
  filesStrings,
  whiteboardStrings,
  audioStrings,
  qualityStrings,
  screenDrawStrings,
] as const

/** Distributes over the tables: every key of every feature table. */
type KeysOf<T> = T extends { en: infer Table } ? keyof Table : never
type FeatureStringKey = KeysOf<(typeof featureTables)[number]>
export type StringKey = CoreStringKey | FeatureStringKey
export type TranslateVars = Readonly<Record<string, string | number>>

const tables: Record<Language, Record<StringKey, string>> = {
  en: Object.assign({}, en, ...featureTables.map((table) => table.en)),
  ko: Object.assign({}, ko, ...featureTables.map((table) => table.ko)),
}

const PLACEHOLDER = /\{(\w+)\}/g

/** Fills `{name}` placeholders; an unknown placeholder is kept verbatim so the gap is visible. */
export function interpolate(template: string, vars?: TranslateVars): string {
  if (!vars) return template
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : String(value)
  })
}

export function translate(lang: Language, key: StringKey, vars?: TranslateVars): string {
  return interpolate(tables[lang][key] ?? tables.en[key], vars)
}

/** Placeholder names used by a template, sorted: lets tests compare the en and ko tables. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort()
}

export const stringTables: Readonly<Record<Language, Readonly<Record<StringKey, string>>>> = tables
