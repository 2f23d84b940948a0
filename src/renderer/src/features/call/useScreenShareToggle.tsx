import { useCallback, useRef, type ReactNode } from 'react'
import type { Session } from '../../session/types'
import { callStore } from '../../store/callStore'
import { useCallStore } from '../../store/useCallStore'
import { chooseScreenShare, ScreenSharePickerHost, useDesktopSharingBar } from '../screen-share'

export interface ScreenShareToggle {
  toggle: () => void
  /** The desktop source picker host; renders only while the picker is open. */
  picker: ReactNode
}

/**
 * Share screen / Stop sharing. Choosing goes through the screen-share feature (Moim's picker on
 * desktop, the browser's own picker on the web); the session then captures and sends it.
 */
export function useScreenShareToggle(session: Session): ScreenShareToggle {
  const choosing = useRef(false)
  const sharing = useCallStore((s) => s.local.screenShares.length > 0)
  const stop = useCallback(() => session.stopScreenShare(), [session])

  useDesktopSharingBar(sharing, stop)

  const toggle = useCallback(() => {
    if (callStore.getState().local.screenShares.length > 0) {
      session.stopScreenShare()
      return
    }
    // A second click while the picker is open must not stack another picker.
    if (choosing.current) return
    choosing.current = true
    void (async () => {
      try {
        const choice = await chooseScreenShare()
        if (choice) await session.startScreenShare(choice)
      } catch (error) {
        // The picker's IPC failed (e.g. the main process refused); the session reports capture errors.
        console.warn('Screen share could not start', error)
      } finally {
        choosing.current = false
      }
    })()
  }, [session])

  return { toggle, picker: <ScreenSharePickerHost /> }
}
