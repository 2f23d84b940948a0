import { useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { LOCAL_SPEAKER_KEY } from '../../store/speakingStore'
import { useCallStoreShallow } from '../../store/useCallStore'
import { Avatar } from '../call/ui/Avatar'
import { DeviceChoices } from '../call/ui/DeviceChoices'
import { IconButton } from '../call/ui/IconButton'
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon } from '../call/ui/icons'
import { VideoView } from '../call/ui/VideoView'
import { hasLiveTrack } from '../call/media'

/** The camera preview with mic/camera toggles, device choice and a live level meter. */
export function PreviewPanel({ name }: { name: string }): ReactElement {
  const t = useT()
  const session = useSession()
  const local = useCallStoreShallow((s) => ({
    stream: s.local.stream,
    audioEnabled: s.local.audioEnabled,
    videoEnabled: s.local.videoEnabled,
    cameras: s.local.cameras,
    microphones: s.local.microphones,
    acquiring: s.local.acquiring,
  }))
  const [hasFrames, setHasFrames] = useState(false)
  const showVideo = hasFrames && local.videoEnabled && hasLiveTrack(local.stream, 'video')
  const noCamera = local.cameras.length === 0 && !local.acquiring
  const noMicrophone = local.microphones.length === 0 && !local.acquiring

  return (
    <section className="preview-panel">
      <div className={`preview-stage${local.acquiring ? ' is-acquiring' : ''}`}>
        <VideoView
          stream={local.stream}
          muted
          mirrored
          hidden={!showVideo}
          label={t('media.cameraPreview')}
          onHasFramesChange={setHasFrames}
        />
        {showVideo ? null : (
          <div className="preview-placeholder">
            <Avatar name={name.trim() || '?'} size={112} />
            <p className="preview-placeholder-text">{t('lobby.previewOff')}</p>
          </div>
        )}
        <div className="preview-controls">
          <IconButton
            label={t(local.audioEnabled ? 'media.muteMic' : 'media.unmuteMic')}
            variant={local.audioEnabled ? 'default' : 'off'}
            disabled={noMicrophone}
            onClick={() => void session.toggleAudio()}
          >
            {local.audioEnabled && !noMicrophone ? <MicIcon /> : <MicOffIcon />}
          </IconButton>
          <IconButton
            label={t(local.videoEnabled ? 'media.turnOffCamera' : 'media.turnOnCamera')}
            variant={local.videoEnabled ? 'default' : 'off'}
            disabled={noCamera}
            onClick={() => void session.toggleVideo()}
          >
            {local.videoEnabled && !noCamera ? <CameraIcon /> : <CameraOffIcon />}
          </IconButton>
        </div>
      </div>
      <div className="preview-devices">
        <DeviceChoices speakerKey={LOCAL_SPEAKER_KEY} />
      </div>
    </section>
  )
}
