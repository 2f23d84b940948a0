import { useEffect, type ReactElement } from 'react'
import { CallScreen } from './features/call/CallScreen'
import { DesktopDialogs } from './features/desktop/DesktopDialogs'
import { useDesktopShell } from './features/desktop/useDesktopShell'
import { LobbyScreen } from './features/lobby/LobbyScreen'
import { useLanguage, useT } from './i18n/useT'
import { useSession } from './sessionContext'
import { useCallStore } from './store/useCallStore'
import { useChatStore } from './store/useChatStore'

/** Lobby until the session says we are in a call (or reconnecting to one). */
export function App(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const inCall = useCallStore((s) => s.phase === 'in-call' || s.phase === 'reconnecting')
  const room = useCallStore((s) => s.room?.id ?? null)
  const unread = useChatStore((s) => s.unread)

  useDesktopShell(useSession())

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  useEffect(() => {
    const title = inCall && room ? t('call.documentTitle', { room }) : t('app.name')
    // A background tab shows that messages are waiting, as chat apps do.
    document.title = inCall && unread > 0 ? t('chat.titleUnread', { count: unread, title }) : title
  }, [inCall, room, unread, t])

  return (
    <>
      {inCall ? <CallScreen /> : <LobbyScreen />}
      <DesktopDialogs />
    </>
  )
}
