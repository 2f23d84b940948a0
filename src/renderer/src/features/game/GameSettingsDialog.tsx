import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { CUSTOM_WORDS_MAX } from '../../../../shared/game/settings'
import { useLanguage, useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { useGameStore } from '../../store/useGameStore'
import { DialogHeader } from '../call/ui/DialogHeader'
import { describeGameError } from './gameErrors'
import {
  defaultForm,
  DRAW_TIME_OPTIONS,
  HINT_OPTIONS,
  ROUND_OPTIONS,
  settingsFromForm,
  WORD_CHOICE_OPTIONS,
  type SettingsForm,
  type SettingsProblem,
} from './settingsForm'

/**
 * The host's settings for a new game, in a native modal <dialog> (focus trap, Escape, inert
 * background); focus goes back to the button that opened it.
 */
export function GameSettingsDialog({ id }: { id: string }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const session = useSession()
  const open = useGameStore((s) => s.settingsOpen)
  const starting = useGameStore((s) => s.starting)
  const error = useGameStore((s) => s.error)
  const people = useCallStore((s) => Object.keys(s.participants).length)
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const ids = {
    title: useId(),
    rounds: useId(),
    drawTime: useId(),
    choices: useId(),
    hints: useId(),
    hintsHint: useId(),
    language: useId(),
    words: useId(),
    wordsHint: useId(),
    problem: useId(),
  }
  const [form, setForm] = useState<SettingsForm>(() => defaultForm(language))
  const [problem, setProblem] = useState<SettingsProblem | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null
      dialog.showModal()
    } else if (!open && dialog.open) dialog.close()
  }, [open])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const onClose = (): void => {
      session.game.closeSettings()
      opener.current?.focus()
      opener.current = null
    }
    dialog.addEventListener('close', onClose)
    return () => dialog.removeEventListener('close', onClose)
  }, [session])

  const patch = (change: Partial<SettingsForm>): void => {
    setForm((f) => ({ ...f, ...change }))
    setProblem(null)
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = settingsFromForm(form)
    if (!result.ok) return setProblem(result.problem)
    void session.game.start(result.settings)
  }

  const tooFew = people < 2
  const problemText =
    problem?.kind === 'invalid-words'
      ? t('game.invalidWords', { words: problem.words.join(', ') })
      : problem?.kind === 'need-words'
        ? t('game.needWords', { count: problem.count })
        : null
  const errorText = error ? describeGameError(error) : null

  const numberSelect = (
    fieldId: string,
    label: string,
    value: number,
    options: number[],
    onChange: (n: number) => void,
    describedBy?: string,
  ): ReactElement => (
    <div className="field">
      <label htmlFor={fieldId} className="field-label">
        {label}
      </label>
      <select
        id={fieldId}
        className="select"
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <dialog
      ref={ref}
      id={id}
      className="dialog game-settings"
      aria-labelledby={ids.title}
      onClick={(event) => {
        if (event.target === event.currentTarget) ref.current?.close()
      }}
    >
      {open ? (
        <form className="dialog-body" onSubmit={submit} noValidate>
          <DialogHeader
            titleId={ids.title}
            title={t('game.settingsTitle')}
            closeLabel={t('game.close')}
            onClose={() => ref.current?.close()}
          />
          <div className="game-settings-grid">
            {numberSelect(ids.rounds, t('game.rounds'), form.rounds, ROUND_OPTIONS, (rounds) =>
              patch({ rounds }),
            )}
            {numberSelect(
              ids.drawTime,
              t('game.drawTime'),
              form.drawTimeSec,
              DRAW_TIME_OPTIONS,
              (drawTimeSec) => patch({ drawTimeSec }),
            )}
            {numberSelect(
              ids.choices,
              t('game.wordChoices'),
              form.wordChoices,
              WORD_CHOICE_OPTIONS,
              (wordChoices) => patch({ wordChoices }),
            )}
            {numberSelect(
              ids.hints,
              t('game.hints'),
              form.hints,
              HINT_OPTIONS,
              (hints) => patch({ hints }),
              ids.hintsHint,
            )}
          </div>
          <p id={ids.hintsHint} className="field-hint">
            {t('game.hintsHint')}
          </p>
          <div className="field">
            <label htmlFor={ids.language} className="field-label">
              {t('game.language')}
            </label>
            <select
              id={ids.language}
              className="select"
              value={form.language}
              onChange={(e) => patch({ language: e.target.value === 'ko' ? 'ko' : 'en' })}
            >
              <option value="en">{t('game.languageEn')}</option>
              <option value="ko">{t('game.languageKo')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.words} className="field-label">
              {t('game.customWords')}
            </label>
            <textarea
              id={ids.words}
              className="input game-words"
              rows={3}
              value={form.customText}
              maxLength={CUSTOM_WORDS_MAX * 32}
              aria-describedby={`${ids.wordsHint}${problemText ? ` ${ids.problem}` : ''}`}
              aria-invalid={problem?.kind === 'invalid-words' ? true : undefined}
              onChange={(e) => patch({ customText: e.target.value })}
            />
            <span id={ids.wordsHint} className="field-hint">
              {t('game.customWordsHint')}
            </span>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.customOnly}
              onChange={(e) => patch({ customOnly: e.target.checked })}
            />
            {t('game.customOnly')}
          </label>
          <div role="alert" className="game-settings-problems">
            {problemText ? (
              <p id={ids.problem} className="field-error">
                {problemText}
              </p>
            ) : null}
            {errorText ? <p className="field-error">{t(errorText.key, errorText.vars)}</p> : null}
            {tooFew ? <p className="field-hint">{t('game.needPlayers')}</p> : null}
          </div>
          <div className="dialog-footer game-settings-footer">
            <button
              type="button"
              className="secondary-button compact"
              onClick={() => ref.current?.close()}
            >
              {t('game.cancel')}
            </button>
            <button type="submit" className="primary-button compact" disabled={starting || tooFew}>
              {starting ? t('game.starting') : t('game.start')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  )
}
