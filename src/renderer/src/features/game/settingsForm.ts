/**
 * The settings dialog's form as plain data, and how it becomes GameSettings: the same schema
 * the server enforces decides, so the dialog never sends what the server would refuse.
 */
import {
  DEFAULT_GAME_SETTINGS,
  gameSettingsSchema,
  parseCustomWords,
  type GameLanguage,
  type GameSettings,
} from '../../../../shared/game/settings'

export interface SettingsForm {
  rounds: number
  drawTimeSec: number
  wordChoices: number
  hints: number
  language: GameLanguage
  customText: string
  customOnly: boolean
}

export type SettingsProblem =
  { kind: 'invalid-words'; words: string[] } | { kind: 'need-words'; count: number }

export function defaultForm(language: GameLanguage): SettingsForm {
  const d = DEFAULT_GAME_SETTINGS
  return {
    rounds: d.rounds,
    drawTimeSec: d.drawTimeSec,
    wordChoices: d.wordChoices,
    hints: d.hints,
    language,
    customText: '',
    customOnly: false,
  }
}

export function settingsFromForm(
  form: SettingsForm,
): { ok: true; settings: GameSettings } | { ok: false; problem: SettingsProblem } {
  const { words, invalid } = parseCustomWords(form.customText)
  if (invalid.length > 0) return { ok: false, problem: { kind: 'invalid-words', words: invalid } }
  if (form.customOnly && words.length < form.wordChoices) {
    return { ok: false, problem: { kind: 'need-words', count: form.wordChoices } }
  }
  const parsed = gameSettingsSchema.safeParse({
    rounds: form.rounds,
    drawTimeSec: form.drawTimeSec,
    wordChoices: form.wordChoices,
    hints: form.hints,
    language: form.language,
    customWords: words,
    customOnly: form.customOnly,
  })
  // The selects only offer valid values; a failure here would be a bug in the options.
  if (!parsed.success) return { ok: false, problem: { kind: 'invalid-words', words: [] } }
  return { ok: true, settings: parsed.data }
}

/** The choices the dialog's selects offer (the schema's ranges). */
export const ROUND_OPTIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
export const DRAW_TIME_OPTIONS = [30, 45, 60, 80, 100, 120, 150, 180, 240]
export const WORD_CHOICE_OPTIONS = [1, 2, 3, 4, 5]
export const HINT_OPTIONS = [0, 1, 2, 3, 4, 5]
