import { useEffect } from 'react'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { callStore } from '../../store/callStore'
import { settingsStore } from '../settings/settingsStore'
import { sanitizeRoomName } from './launchParams'
import { lobbyStore } from './lobbyStore'

/**
 * Desktop: a moim://join/<room>?server=... link fills the lobby's room and server. During a
 * call it only prepares the lobby; leaving the call is the user's decision.
 */
export function useDeepLinks(): void {
  const session = useSession()
  useEffect(() => {
    const desktop = getDesktopApi()
    if (!desktop) return
    return desktop.onDeepLink((link) => {
      const room = sanitizeRoomName(link.room)
      if (room !== '') lobbyStore.getState().update({ room })
      const settings = settingsStore.getState()
      if (link.server) {
        settings.setRemoteUrl(link.server)
        settings.setMode('remote')
      } else {
        settings.setMode('host')
      }
      if (callStore.getState().phase === 'lobby') session.clearError()
    })
  }, [session])
}
