import { memo, useState, type CSSProperties, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useAudioStore } from '../../store/useAudioStore'
import { QualityIndicator } from '../quality/QualityIndicator'
import { VideoPausedNotice } from '../quality/VideoPausedNotice'
import { ScreenDrawLayer } from '../screen-share'
import { useIsSpeaking } from '../../store/useCallStore'
import { hasLiveTrack } from './media'
import type { TileRect } from './gridLayout'
import { tileLabel, type TileModel } from './tiles'
import { Avatar } from './ui/Avatar'
import { NameText } from './ui/NameText'
import { CameraOffIcon, MicOffIcon, PinIcon, RemoveUserIcon } from './ui/icons'
import { VideoView } from './ui/VideoView'

const CONNECTION_TEXT = {
  connecting: 'call.connecting',
  reconnecting: 'call.peerReconnecting',
  failed: 'call.connectionLost',
} as const

interface VideoTileProps {
  tile: TileModel
  rect: TileRect
  featured: boolean
  pinned: boolean
  /** False when this is the only tile: there is nothing to enlarge it over. */
  canPin: boolean
  onTogglePin: (key: string) => void
  /** Set when the local user is the host and this is someone else's camera tile. */
  onKick?: (peerId: string) => void
}

function VideoTileView({
  tile,
  rect,
  featured,
  pinned,
  canPin,
  onTogglePin,
  onKick,
}: VideoTileProps): ReactElement {
  const t = useT()
  const { participant } = tile
  const isScreen = tile.kind === 'screen'
  const speaking = useIsSpeaking(participant.id) && !isScreen
  const [confirmingKick, setConfirmingKick] = useState(false)
  const speakerId = useAudioStore((s) => s.settings.speakerId)
  const label = tileLabel(tile, t)
  // Own tracks are checked directly; for others the media-state message is the truth, since a
  // remote track can stay "live" while the sender has disabled it. Until that message arrives,
  // frames speak for themselves: a camera that is off sends none.
  const [hasFrames, setHasFrames] = useState(false)
  const showVideo =
    hasFrames &&
    (isScreen ||
      (participant.videoEnabled !== false &&
        (!participant.isSelf || hasLiveTrack(tile.stream, 'video'))))
  const connection = participant.isSelf ? 'connected' : participant.connection
  const avatarSize = Math.max(
    40,
    Math.min(160, Math.round(Math.min(rect.width, rect.height) * 0.36)),
  )
  const style: CSSProperties = {
    transform: `translate(${rect.x}px, ${rect.y}px)`,
    width: rect.width,
    height: rect.height,
  }

  return (
    <figure
      role="figure"
      aria-label={label}
      className={`tile tile-${tile.kind}${featured ? ' is-featured' : ''}`}
      style={style}
      data-peer-id={participant.id}
      data-connection={connection}
      data-speaking={speaking ? 'true' : 'false'}
    >
      <VideoView
        stream={tile.stream}
        muted={participant.isSelf}
        sinkId={participant.isSelf ? undefined : (speakerId ?? '')}
        mirrored={participant.isSelf && !isScreen}
        fit={isScreen || featured ? 'contain' : 'cover'}
        hidden={!showVideo}
        onHasFramesChange={setHasFrames}
      />
      {isScreen && showVideo ? <ScreenDrawLayer board={tile.key.slice('screen:'.length)} /> : null}
      {showVideo ? null : (
        <div className="tile-avatar">
          <Avatar name={participant.name} size={avatarSize} />
        </div>
      )}

      {connection !== 'connected' ? (
        <div className={`tile-overlay connection-${connection}`}>
          {connection !== 'failed' ? <span className="spinner" aria-hidden="true" /> : null}
          <span>{t(CONNECTION_TEXT[connection])}</span>
        </div>
      ) : null}

      {!participant.isSelf && !isScreen ? (
        <>
          {participant.videoEnabled !== false ? (
            <VideoPausedNotice peerId={participant.id} />
          ) : null}
          <QualityIndicator peerId={participant.id} name={participant.name} />
        </>
      ) : null}

      <figcaption className="tile-caption">
        {!isScreen && participant.audioEnabled === false ? (
          <span role="img" aria-label={t('call.micMuted')} className="tile-indicator is-muted">
            <MicOffIcon width={16} height={16} />
          </span>
        ) : null}
        {!isScreen && participant.videoEnabled === false ? (
          <span role="img" aria-label={t('call.cameraOff')} className="tile-indicator">
            <CameraOffIcon width={16} height={16} />
          </span>
        ) : null}
        <span className="tile-name" aria-hidden="true">
          <NameText text={label} name={participant.name} />
        </span>
      </figcaption>

      <div className="tile-actions">
        {canPin ? (
          <button
            type="button"
            className="tile-action"
            aria-pressed={pinned}
            title={t(pinned ? 'call.unpin' : 'call.pin')}
            onClick={() => onTogglePin(tile.key)}
          >
            <PinIcon width={16} height={16} />
            <span>{t(pinned ? 'call.unpin' : 'call.pin')}</span>
          </button>
        ) : null}
        {onKick && !confirmingKick ? (
          <button
            type="button"
            className="tile-action is-danger"
            title={t('call.remove')}
            onClick={() => setConfirmingKick(true)}
          >
            <RemoveUserIcon width={16} height={16} />
            <span>{t('call.remove')}</span>
          </button>
        ) : null}
      </div>

      {onKick && confirmingKick ? (
        <div
          className="tile-confirm"
          role="group"
          aria-label={t('call.removeConfirm', { name: participant.name })}
        >
          <p>
            <NameText
              text={t('call.removeConfirm', { name: participant.name })}
              name={participant.name}
            />
          </p>
          <div className="tile-confirm-buttons">
            <button
              type="button"
              className="secondary-button"
              // The question replaces the tile's actions, so keyboard focus moves into it.
              autoFocus
              onClick={() => setConfirmingKick(false)}
            >
              {t('call.cancel')}
            </button>
            <button
              type="button"
              className="danger-button"
              onClick={() => {
                setConfirmingKick(false)
                onKick(participant.id)
              }}
            >
              {t('call.remove')}
            </button>
          </div>
        </div>
      ) : null}
    </figure>
  )
}

export const VideoTile = memo(VideoTileView)
