export { en, type CoreStringKey } from './en'
export { ko } from './ko'
export {
  LANGUAGES,
  isLanguage,
  languageFromLocale,
  resolveLanguage,
  type Language,
} from './language'
export { languageStore, detectLanguage, readSavedLanguage } from './languageStore'
export {
  translate,
  interpolate,
  stringTables,
  type StringKey,
  type TranslateVars,
} from './translate'
export { useT, useLanguage, type TFunction } from './useT'
