import { useEffect, type ReactElement } from 'react'
import { CallScreen } from './features/call/CallScreen'
import { DesktopDialogs } from './features/desktop/DesktopDialogs'
import { useDesktopShell } from './features/desktop/useDesktopShell'
import { LobbyScreen } from './features/lobby/LobbyScreen'
import { useLanguage, useT } from './i18n/useT'
import { useSession } from './sessionContext'
import { useCallStore } from './store/useCallStore'

/** Lobby until the session says we are in a call (or reconnecting to one). */
export function App(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const inCall = useCallStore((s) => s.phase === 'in-call' || s.phase === 'reconnecting')
  const room = useCallStore((s) => s.room?.id ?? null)

  useDesktopShell(useSession())

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  useEffect(() => {
    document.title = inCall && room ? t('call.documentTitle', { room }) : t('app.name')
  }, [inCall, room, t])

  return (
    <>
      {inCall ? <CallScreen /> : <LobbyScreen />}
      <DesktopDialogs />
    </>
  )
}
