import { useCallback, type ReactNode } from 'react'
import type { Session } from '../../session/types'
import { callStore } from '../../store/callStore'

export interface ScreenShareToggle {
  toggle: () => void
  /** The desktop source picker while it is open (rendered by the call screen). */
  picker: ReactNode
}

/** Share screen / Stop sharing. */
export function useScreenShareToggle(session: Session): ScreenShareToggle {
  const toggle = useCallback(() => {
    if (callStore.getState().local.screenShares.length > 0) {
      session.stopScreenShare()
      return
    }
    void session.startScreenShare({ quality: 'motion', audio: false })
  }, [session])
  return { toggle, picker: null }
}
