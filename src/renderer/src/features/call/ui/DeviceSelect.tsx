import { useId, type ReactElement } from 'react'
import type { DeviceOption } from '../../../store/callStore'
import { useT } from '../../../i18n/useT'

interface DeviceSelectProps {
  kind: 'camera' | 'microphone'
  devices: readonly DeviceOption[]
  value: string | null
  onChange: (deviceId: string) => void
  disabled?: boolean
}

/** A labelled <select> of cameras or microphones; disabled with "No camera" when there are none. */
export function DeviceSelect({
  kind,
  devices,
  value,
  onChange,
  disabled = false,
}: DeviceSelectProps): ReactElement {
  const t = useT()
  const id = useId()
  const label = t(kind === 'camera' ? 'media.camera' : 'media.microphone')
  const empty = devices.length === 0
  const selected = value !== null && devices.some((d) => d.deviceId === value) ? value : ''
  return (
    <div className="field device-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={empty ? '' : selected || devices[0].deviceId}
        disabled={disabled || empty}
        onChange={(event) => onChange(event.target.value)}
      >
        {empty ? (
          <option value="">
            {t(kind === 'camera' ? 'media.noCameraOption' : 'media.noMicrophoneOption')}
          </option>
        ) : (
          devices.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || t('media.deviceFallback', { kind: label, index: index + 1 })}
            </option>
          ))
        )}
      </select>
    </div>
  )
}
