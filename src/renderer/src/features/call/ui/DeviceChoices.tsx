import type { ReactElement } from 'react'
import { useSession } from '../../../sessionContext'
import { useCallStoreShallow } from '../../../store/useCallStore'
import { AudioSettingsFields } from '../../audio/AudioSettingsFields'
import { hasLiveTrack } from '../media'
import { DeviceSelect } from './DeviceSelect'
import { MicLevelMeter } from './MicLevelMeter'

/**
 * Camera and microphone selects with a live mic meter, then the speaker and the audio settings:
 * the lobby and the Devices dialog.
 */
export function DeviceChoices({ speakerKey }: { speakerKey: string }): ReactElement {
  const session = useSession()
  const local = useCallStoreShallow((s) => ({
    stream: s.local.stream,
    audioEnabled: s.local.audioEnabled,
    cameraId: s.local.cameraId,
    microphoneId: s.local.microphoneId,
    cameras: s.local.cameras,
    microphones: s.local.microphones,
  }))
  return (
    <>
      <DeviceSelect
        kind="camera"
        devices={local.cameras}
        value={local.cameraId}
        onChange={(id) => void session.setCamera(id)}
      />
      <div className="device-with-meter">
        <DeviceSelect
          kind="microphone"
          devices={local.microphones}
          value={local.microphoneId}
          onChange={(id) => void session.setMicrophone(id)}
        />
        <MicLevelMeter
          speakerKey={speakerKey}
          active={local.audioEnabled && hasLiveTrack(local.stream, 'audio')}
        />
      </div>
      <AudioSettingsFields />
    </>
  )
}
