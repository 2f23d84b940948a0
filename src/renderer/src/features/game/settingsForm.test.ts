import { describe, expect, it } from 'vitest'
import { gameSettingsSchema } from '../../../../shared/game/settings'
import {
  defaultForm,
  DRAW_TIME_OPTIONS,
  HINT_OPTIONS,
  ROUND_OPTIONS,
  settingsFromForm,
  WORD_CHOICE_OPTIONS,
} from './settingsForm'

describe('settings form', () => {
  it('turns the defaults into valid settings', () => {
    const result = settingsFromForm(defaultForm('ko'))
    expect(result).toMatchObject({ ok: true, settings: { language: 'ko', customWords: [] } })
  })

  it('reports words that cannot be used', () => {
    const result = settingsFromForm({ ...defaultForm('en'), customText: 'cat, x, a+b' })
    expect(result).toEqual({ ok: false, problem: { kind: 'invalid-words', words: ['x', 'a+b'] } })
  })

  it('asks for enough words when only custom words are used', () => {
    const form = { ...defaultForm('en'), customText: 'cat, dog', customOnly: true, wordChoices: 3 }
    expect(settingsFromForm(form)).toEqual({ ok: false, problem: { kind: 'need-words', count: 3 } })
    expect(settingsFromForm({ ...form, customText: 'cat, dog, owl' })).toMatchObject({ ok: true })
  })

  it('offers only values the schema accepts', () => {
    const base = settingsFromForm(defaultForm('en'))
    if (!base.ok) throw new Error('defaults refused')
    const check = (patch: object) =>
      expect(gameSettingsSchema.safeParse({ ...base.settings, ...patch }).success).toBe(true)
    for (const rounds of ROUND_OPTIONS) check({ rounds })
    for (const drawTimeSec of DRAW_TIME_OPTIONS) check({ drawTimeSec })
    for (const wordChoices of WORD_CHOICE_OPTIONS) check({ wordChoices })
    for (const hints of HINT_OPTIONS) check({ hints })
  })
})
