import { useEffect } from 'react'
import type { Session } from '../../session/types'
import { focusTakesSpace, isTalkKey } from './talkKey'

/**
 * Holding Space talks while push-to-talk is on (the session ignores it otherwise). Releasing
 * the key, or the window losing focus while it is held (the key-up would never come), mutes.
 */
export function usePushToTalk(session: Session, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let held = false
    const release = (): void => {
      if (!held) return
      held = false
      session.audio.talk(false)
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isTalkKey(event) || focusTakesSpace(document.activeElement)) return
      // Space would otherwise press the focused button or scroll the page.
      event.preventDefault()
      if (event.repeat || held) return
      held = true
      session.audio.talk(true)
    }
    const onKeyUp = (event: KeyboardEvent): void => {
      // Modifiers pressed meanwhile do not matter: the talk key itself went up.
      if (!held || (event.code !== 'Space' && event.key !== ' ')) return
      event.preventDefault()
      release()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', release)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('blur', release)
      release()
    }
  }, [session, enabled])
}
