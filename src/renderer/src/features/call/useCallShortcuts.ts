import { useEffect } from 'react'
import type { Session } from '../../session/types'
import { matchShortcut } from './shortcuts'

/**
 * Ctrl/Cmd+D toggles the microphone, Ctrl/Cmd+E the camera and Ctrl/Cmd+Alt+C the chat,
 * anywhere in the call.
 */
export function useCallShortcuts(session: Session, isMac: boolean, toggleChat: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || event.isComposing) return
      const action = matchShortcut(event, isMac)
      if (!action) return
      // Ctrl+D bookmarks and Ctrl+E searches in browsers; in a call these keys belong to Moim.
      event.preventDefault()
      if (action === 'toggleChat') toggleChat()
      else void (action === 'toggleMic' ? session.toggleAudio() : session.toggleVideo())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [session, isMac, toggleChat])
}
