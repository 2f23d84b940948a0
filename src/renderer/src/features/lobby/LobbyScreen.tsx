import { useEffect, useState, type ReactElement } from 'react'
import { useStore } from 'zustand'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { callStore } from '../../store/callStore'
import { useCallStore } from '../../store/useCallStore'
import { MessageBox } from '../call/ui/MessageBox'
import { UpdateBanner } from '../desktop/UpdateBanner'
import { SettingsPanel } from '../settings/SettingsPanel'
import { settingsStore } from '../settings/settingsStore'
import {
  describeCallError,
  describeMediaError,
  missingDeviceNotice,
  type Message,
} from './errorMessages'
import { JoinForm } from './JoinForm'
import { resolveJoinServer } from './joinServer'
import { lobbyStore } from './lobbyStore'
import { ensureMediaAccess } from './mediaAccess'
import { MediaAccessHelp } from './MediaAccessHelp'
import { PreviewPanel } from './PreviewPanel'
import './lobby.css'

function useLobbyMessages(previewReady: boolean): Message[] {
  const callError = useCallStore((s) => s.error)
  const mediaError = useCallStore((s) => s.local.error)
  const hasCamera = useCallStore((s) => s.local.cameras.length > 0)
  const hasMicrophone = useCallStore((s) => s.local.microphones.length > 0)
  const acquiring = useCallStore((s) => s.local.acquiring)
  const messages: Message[] = []
  if (callError) messages.push(describeCallError(callError))
  const media = mediaError ? describeMediaError(mediaError) : null
  if (media) messages.push(media)
  else if (previewReady && !acquiring) {
    const notice = missingDeviceNotice(hasCamera, hasMicrophone)
    if (notice) messages.push(notice)
  }
  // The session may report one media problem both as the call error and the media error.
  return messages.filter(
    (message, index) => messages.findIndex((other) => other.key === message.key) === index,
  )
}

export function LobbyScreen(): ReactElement {
  const t = useT()
  const session = useSession()
  const name = useStore(lobbyStore, (s) => s.name)
  const mediaErrorKind = useCallStore((s) => s.local.error?.kind ?? null)
  const mediaErrorDevice = useCallStore((s) => s.local.error?.device ?? null)
  const [previewReady, setPreviewReady] = useState(false)
  const messages = useLobbyMessages(previewReady)
  const desktop = getDesktopApi()

  useEffect(() => {
    let active = true
    void ensureMediaAccess(getDesktopApi())
      .then(() => (active ? session.startPreview() : undefined))
      .finally(() => {
        if (active) setPreviewReady(true)
      })
    return () => {
      active = false
      // Joining hands the preview stream to the call; only release it when staying in the lobby.
      if (callStore.getState().phase === 'lobby') session.stopPreview()
    }
  }, [session])

  useEffect(() => {
    // Warm up the signaling connection to the server known at startup, so Join is one round
    // trip. A server typed later in settings is not contacted until the user presses Join.
    let active = true
    void resolveJoinServer(getDesktopApi(), settingsStore.getState(), window.location.origin).then(
      (server) => {
        if (active && server.ok) session.preconnect?.(server.url)
      },
    )
    return () => {
      active = false
    }
  }, [session])

  return (
    <main className="lobby">
      <header className="lobby-header">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </h1>
        <p className="brand-tagline">{t('app.tagline')}</p>
      </header>
      <UpdateBanner />
      <div className="lobby-body">
        <PreviewPanel name={name} />
        <div className="lobby-card">
          <h2 className="card-title">{t('lobby.title')}</h2>
          {messages.length > 0 ? (
            <div className="lobby-messages">
              {messages.map((message) => (
                <MessageBox
                  key={message.key}
                  tone={message.tone}
                  message={t(message.key, message.vars)}
                  hint={message.hintKey ? t(message.hintKey) : undefined}
                >
                  {desktop &&
                  mediaErrorKind === 'denied' &&
                  message.hintKey === 'error.mediaDeniedHint' ? (
                    <MediaAccessHelp desktop={desktop} device={mediaErrorDevice} />
                  ) : null}
                </MessageBox>
              ))}
            </div>
          ) : null}
          <JoinForm />
          <SettingsPanel desktop={desktop !== null} />
        </div>
      </div>
    </main>
  )
}
