import { useId, useState, type ReactElement } from 'react'
import { useStore } from 'zustand'
import { LANGUAGES, type Language } from '../../i18n/language'
import { languageStore } from '../../i18n/languageStore'
import { useLanguage, useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useChatStore } from '../../store/useChatStore'
import { DesktopSettings } from '../desktop/DesktopSettings'
import { parseServerUrl } from './serverUrl'
import { settingsStore } from './settingsStore'

const LANGUAGE_NAMES = {
  en: 'settings.languageEnglish',
  ko: 'settings.languageKorean',
} as const

export function LanguageSelect(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('settings.language')}
      </label>
      <select
        id={id}
        className="select"
        value={language}
        onChange={(event) =>
          languageStore.getState().setLanguage(event.target.value as Language, { persist: true })
        }
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(LANGUAGE_NAMES[lang])}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Desktop-only: host the signaling server on this computer, or use one on the network. */
export function ServerSettings(): ReactElement {
  const t = useT()
  const mode = useStore(settingsStore, (s) => s.mode)
  const remoteUrl = useStore(settingsStore, (s) => s.remoteUrl)
  const [touched, setTouched] = useState(false)
  const urlId = useId()
  const errorId = useId()
  const hostHintId = useId()
  const invalid = mode === 'remote' && touched && !parseServerUrl(remoteUrl).ok
  return (
    <fieldset className="fieldset">
      <legend className="field-label">{t('settings.server')}</legend>
      <label className="radio">
        <input
          type="radio"
          name="server-mode"
          value="host"
          checked={mode === 'host'}
          aria-describedby={hostHintId}
          onChange={() => settingsStore.getState().setMode('host')}
        />
        <span>{t('settings.serverHost')}</span>
      </label>
      <p id={hostHintId} className="field-hint radio-hint">
        {t('settings.serverHostHint')}
      </p>
      <label className="radio">
        <input
          type="radio"
          name="server-mode"
          value="remote"
          checked={mode === 'remote'}
          onChange={() => settingsStore.getState().setMode('remote')}
        />
        <span>{t('settings.serverRemote')}</span>
      </label>
      {mode === 'remote' ? (
        <div className="field nested-field">
          <label htmlFor={urlId} className="field-label">
            {t('settings.serverUrl')}
          </label>
          <input
            id={urlId}
            className="input"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder={t('settings.serverUrlPlaceholder')}
            value={remoteUrl}
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => settingsStore.getState().setRemoteUrl(event.target.value)}
            onBlur={() => setTouched(true)}
          />
          {invalid ? (
            <p id={errorId} className="field-error">
              {t('settings.serverUrlInvalid')}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  )
}

/** Desktop: system notifications for chat messages that arrive while Moim is in the background. */
export function ChatNotificationSetting(): ReactElement {
  const t = useT()
  const session = useSession()
  const enabled = useChatStore((s) => s.notifications)
  const hintId = useId()
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          aria-describedby={hintId}
          onChange={(event) => session.chat.setNotifications(event.target.checked)}
        />
        <span>{t('chat.notifications')}</span>
      </label>
      <p id={hintId} className="field-hint">
        {t('chat.notificationsHint')}
      </p>
    </div>
  )
}

/** The lobby's settings section: language everywhere; server, chat notifications, closing and updates on desktop. */
export function SettingsPanel({ desktop }: { desktop: boolean }): ReactElement {
  const t = useT()
  const headingId = useId()
  return (
    <section className="settings-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('settings.title')}
      </h2>
      {desktop ? <ServerSettings /> : null}
      <LanguageSelect />
      {desktop ? <ChatNotificationSetting /> : null}
      {desktop ? <DesktopSettings /> : null}
    </section>
  )
}
