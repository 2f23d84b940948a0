import { useEffect } from 'react'
import type { Session } from '../../session/types'
import { matchShortcut } from './shortcuts'

/** Ctrl/Cmd+D toggles the microphone and Ctrl/Cmd+E the camera, anywhere in the call. */
export function useCallShortcuts(session: Session, isMac: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat) return
      const action = matchShortcut(event, isMac)
      if (!action) return
      // Ctrl+D bookmarks and Ctrl+E searches in browsers; in a call these keys belong to Moim.
      event.preventDefault()
      void (action === 'toggleMic' ? session.toggleAudio() : session.toggleVideo())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [session, isMac])
}
