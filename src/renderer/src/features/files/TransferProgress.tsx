import type { ReactElement } from 'react'
import { useLanguage, useT } from '../../i18n/useT'
import { useFileProgress } from '../../store/useFilesStore'
import { formatBytes, formatDuration } from './format'

/**
 * One transfer's bar and figures. Reads its own entry of the progress store, so a progress tick
 * re-renders this line only, not the card or the chat around it.
 */
export function TransferProgress({
  id,
  size,
  label,
}: {
  id: string
  size: number
  label: string
}): ReactElement {
  const t = useT()
  const language = useLanguage()
  const progress = useFileProgress((s) => s.progress[id])
  const bytes = progress?.bytes ?? 0
  const figures = [
    t('files.progress', {
      done: formatBytes(bytes, language),
      total: formatBytes(size, language),
    }),
  ]
  if (progress && progress.bytesPerSecond > 0)
    figures.push(t('files.speed', { speed: formatBytes(progress.bytesPerSecond, language) }))
  if (progress?.secondsLeft != null && bytes < size)
    figures.push(t('files.timeLeft', { time: formatDuration(progress.secondsLeft, language) }))
  return (
    <div className="file-progress">
      <progress max={Math.max(size, 1)} value={size === 0 ? 0 : bytes} aria-label={label} />
      <p className="file-figures">{figures.join(' · ')}</p>
    </div>
  )
}
