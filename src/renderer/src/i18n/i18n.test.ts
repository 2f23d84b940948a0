import { describe, expect, it } from 'vitest'
import { en } from './en'
import { ko } from './ko'
import { languageFromLocale, resolveLanguage } from './language'
import { interpolate, placeholdersOf, stringTables, translate } from './translate'

describe('string tables', () => {
  it('Korean has exactly the English keys', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort())
  })

  it('every Korean string uses the same placeholders as its English source', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholdersOf(ko[key]), key).toEqual(placeholdersOf(en[key]))
    }
  })

  it('merged tables (core + features) have the same keys and placeholders in both languages', () => {
    const { en: allEn, ko: allKo } = stringTables
    expect(Object.keys(allKo).sort()).toEqual(Object.keys(allEn).sort())
    for (const key of Object.keys(allEn) as (keyof typeof allEn)[]) {
      expect(placeholdersOf(allKo[key]), key).toEqual(placeholdersOf(allEn[key]))
      expect(allKo[key].trim(), key).not.toBe('')
    }
    expect(translate('ko', 'screenShare.share')).toBe('공유')
  })

  it('has no empty strings', () => {
    for (const table of [en, ko]) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('')
    }
  })

  it('keeps the contract names used by the E2E tests', () => {
    expect(translate('en', 'media.muteMic')).toBe('Mute microphone')
    expect(translate('en', 'controls.leave')).toBe('Leave call')
    expect(translate('ko', 'media.muteMic')).toBe('마이크 끄기')
    expect(translate('ko', 'controls.shareScreen')).toBe('화면 공유')
    expect(translate('ko', 'controls.leave')).toBe('나가기')
  })
})

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'error.roomFull', { count: 2, capacity: 2 })).toBe(
      'This room is full (2 of 2).',
    )
    expect(translate('ko', 'call.joined', { name: '민준' })).toBe('민준 님이 참여했습니다')
  })

  it('leaves unknown placeholders visible rather than inventing text', () => {
    expect(interpolate('Hi {name} and {other}', { name: 'Bo' })).toBe('Hi Bo and {other}')
  })

  it('does not re-interpolate values that contain braces', () => {
    expect(interpolate('{a}{b}', { a: '{b}', b: 'x' })).toBe('{b}x')
  })
})

describe('language resolution', () => {
  it('maps ko-* locales to Korean and everything else to English', () => {
    expect(languageFromLocale('ko-KR')).toBe('ko')
    expect(languageFromLocale('KO')).toBe('ko')
    expect(languageFromLocale('en-GB')).toBe('en')
    expect(languageFromLocale('ja-JP')).toBe('en')
  })

  it('prefers ?lang, then the saved choice, then the browser', () => {
    expect(resolveLanguage({ query: 'en', saved: 'ko', navigatorLanguages: ['ko-KR'] })).toBe('en')
    expect(resolveLanguage({ query: null, saved: 'ko', navigatorLanguages: ['en-US'] })).toBe('ko')
    expect(resolveLanguage({ query: null, saved: null, navigatorLanguages: ['ko-KR'] })).toBe('ko')
    expect(resolveLanguage({ query: null, saved: null, navigatorLanguages: [] })).toBe('en')
  })

  it('ignores unsupported values', () => {
    expect(resolveLanguage({ query: 'fr', saved: 'xx', navigatorLanguages: ['ko'] })).toBe('ko')
  })
})
