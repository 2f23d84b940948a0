import { useId, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useAudioStore } from '../../store/useAudioStore'
import type { AudioProcessing } from '../../media/audioSettings'
import './audio.css'

const PROCESSING = [
  ['echoCancellation', 'audio.echoCancellation'],
  ['noiseSuppression', 'audio.noiseSuppression'],
  ['autoGainControl', 'audio.autoGain'],
] as const satisfies readonly (readonly [keyof AudioProcessing, string])[]

/** Where remote voices play; only where the browser can route them (setSinkId). */
export function SpeakerSelect(): ReactElement | null {
  const t = useT()
  const session = useSession()
  const id = useId()
  const canChoose = useAudioStore((s) => s.canChooseSpeaker)
  const speakers = useAudioStore((s) => s.speakers)
  const speakerId = useAudioStore((s) => s.settings.speakerId)
  if (!canChoose) return null
  // The saved choice may be unplugged: then the default plays, and the select says so.
  const value = speakers.some((d) => d.deviceId === speakerId) ? (speakerId ?? '') : ''
  return (
    <div className="field device-field">
      <label htmlFor={id} className="field-label">
        {t('audio.speaker')}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => session.audio.setSpeaker(event.target.value || null)}
      >
        <option value="">{t('audio.speakerDefault')}</option>
        {speakers
          .filter((d) => d.deviceId !== 'default')
          .map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || t('audio.speakerFallback', { index: index + 1 })}
            </option>
          ))}
      </select>
    </div>
  )
}

/** Echo cancellation, noise suppression, automatic volume and push-to-talk. */
export function AudioSettingsFields(): ReactElement {
  const t = useT()
  const session = useSession()
  const settings = useAudioStore((s) => s.settings)
  const pushHintId = useId()
  return (
    <>
      <SpeakerSelect />
      <fieldset className="fieldset audio-settings">
        <legend className="field-label">{t('audio.processing')}</legend>
        {PROCESSING.map(([key, label]) => (
          <label key={key} className="checkbox-row">
            <input
              type="checkbox"
              checked={settings[key]}
              onChange={(event) => session.audio.setProcessing({ [key]: event.target.checked })}
            />
            <span>{t(label)}</span>
          </label>
        ))}
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={settings.pushToTalk}
            aria-describedby={pushHintId}
            onChange={(event) => session.audio.setPushToTalk(event.target.checked)}
          />
          <span>{t('audio.pushToTalk')}</span>
        </label>
        <p id={pushHintId} className="field-hint">
          {t('audio.pushToTalkHint')}
        </p>
      </fieldset>
    </>
  )
}
