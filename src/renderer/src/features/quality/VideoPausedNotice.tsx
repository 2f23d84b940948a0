import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useStatsStore } from '../../store/useStatsStore'

/** Over a remote camera tile while that peer has paused its video to us (poor connection). */
export function VideoPausedNotice({ peerId }: { peerId: string }): ReactElement | null {
  const t = useT()
  const paused = useStatsStore((s) => s.videoPausedBy[peerId] === true)
  if (!paused) return null
  return (
    <p className="video-paused-notice" role="status">
      {t('quality.videoPaused')}
    </p>
  )
}
