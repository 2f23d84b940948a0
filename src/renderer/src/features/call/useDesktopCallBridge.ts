import { useEffect } from 'react'
import { getDesktopApi } from '../../platform/desktop'
import type { Session } from '../../session/types'
import { callStore } from '../../store/callStore'

/** Desktop: keeps the tray's Mute/Leave items in step with the call and obeys them. */
export function useDesktopCallBridge(session: Session): void {
  useEffect(() => {
    const desktop = getDesktopApi()
    if (!desktop) return
    const publish = (): void => {
      const state = callStore.getState()
      const inCall = state.phase === 'in-call' || state.phase === 'reconnecting'
      desktop.call.setState({
        inCall,
        muted: !state.local.audioEnabled,
        room: inCall ? (state.room?.id ?? null) : null,
      })
    }
    publish()
    const unsubscribeStore = callStore.subscribe((state, previous) => {
      if (
        state.phase !== previous.phase ||
        state.local.audioEnabled !== previous.local.audioEnabled ||
        state.room?.id !== previous.room?.id
      ) {
        publish()
      }
    })
    const unsubscribeTray = desktop.call.onTrayAction((action) => {
      if (action === 'toggle-mute') void session.toggleAudio()
      else if (action === 'leave') void session.leave()
      else if (action === 'open-chat') session.chat.openPanel()
    })
    return () => {
      unsubscribeStore()
      unsubscribeTray()
      desktop.call.setState({ inCall: false, muted: false, room: null })
    }
  }, [session])
}
