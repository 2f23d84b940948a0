import { useEffect } from 'react'
import { getDesktopApi } from '../../platform/desktop'
import type { Session } from '../../session/types'
import { callStore } from '../../store/callStore'
import { receiveLink } from './deepLinkOffer'
import { answerClose } from './desktopActions'
import { desktopStore } from './desktopStore'

function currentCallRoom(): string | null {
  const state = callStore.getState()
  const inCall = state.phase === 'in-call' || state.phase === 'reconnecting'
  return inCall ? (state.room?.id ?? null) : null
}

/**
 * Desktop only: keeps desktopStore in step with the main process (update status, the close
 * preference), and turns its requests into dialogs: closing the window during a call, and
 * moim:// invite links (which only open a confirmation, see deepLinkOffer.ts).
 */
export function useDesktopShell(session: Session): void {
  useEffect(() => {
    const desktop = getDesktopApi()
    if (!desktop) return
    let active = true
    void desktop.updates.getStatus().then((update) => {
      if (active) desktopStore.setState({ update })
    })
    void desktop.preferences.get().then((preferences) => {
      if (active) desktopStore.setState({ closeDuringCall: preferences.closeDuringCall })
    })
    const unsubscribers = [
      desktop.updates.onStatus((update) => desktopStore.setState({ update })),
      desktop.window.onCloseRequested((request) => {
        if (request.confirm) desktopStore.setState({ closeAsked: true })
        else void answerClose({ action: 'quit', remember: false }, session, desktop)
      }),
      desktop.onDeepLink((link) => {
        receiveLink(link, currentCallRoom())
      }),
    ]
    return () => {
      active = false
      for (const unsubscribe of unsubscribers) unsubscribe()
    }
  }, [session])
}
