import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useAudioStore } from '../../store/useAudioStore'
import { shortcutLabel } from '../call/shortcuts'
import { usePushToTalk } from './usePushToTalk'

/**
 * The microphone's state where it matters in a call: "You're muted" when the user speaks into a
 * muted microphone, and push-to-talk's "Talking" / "hold Space". One live region that is always
 * there, so screen readers announce each change.
 */
export function MicrophoneStatus({ isMac }: { isMac: boolean }): ReactElement {
  const t = useT()
  const session = useSession()
  const pushToTalk = useAudioStore((s) => s.settings.pushToTalk)
  const talking = useAudioStore((s) => s.talking)
  const mutedSpeaking = useAudioStore((s) => s.mutedSpeaking)
  usePushToTalk(session, pushToTalk)

  const text = talking
    ? t('audio.talking')
    : mutedSpeaking
      ? pushToTalk
        ? t('audio.mutedSpeakingPushToTalk')
        : t('audio.mutedSpeaking', { shortcut: shortcutLabel('toggleMic', isMac) })
      : pushToTalk
        ? t('audio.pushToTalkReady')
        : ''
  const tone = talking ? ' is-talking' : mutedSpeaking ? ' is-muted-speaking' : ''
  return (
    <p role="status" className={`banner mic-status${text ? ' is-visible' : ''}${tone}`}>
      {text}
    </p>
  )
}
