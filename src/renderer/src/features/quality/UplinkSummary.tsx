import { useId, useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useStatsStore } from '../../store/useStatsStore'
import { bitrateText, levelText, uplinkRows } from './figureText'
import { FiguresPopover } from './FiguresPopover'
import { QualityIcon } from './QualityIcon'
import './quality.css'

function UplinkDetails({ id, onClose }: { id: string; onClose: () => void }): ReactElement {
  const t = useT()
  const uplink = useStatsStore((s) => s.uplink)
  return (
    <FiguresPopover
      id={id}
      title={t('quality.uplinkTitle')}
      rows={uplink ? uplinkRows(uplink, t) : null}
      className="is-uplink"
      onClose={onClose}
    />
  )
}

/** Our own upload at a glance in the call controls; nothing while alone in the room. */
export function UplinkSummary(): ReactElement | null {
  const t = useT()
  const id = useId()
  const level = useStatsStore((s) => s.uplink?.quality ?? null)
  // Rounded to 50 kbit/s so the controls re-render only when the figure visibly changes.
  const kbps = useStatsStore((s) =>
    s.uplink ? Math.round(s.uplink.bitrateOut / 50_000) * 50_000 : null,
  )
  const [open, setOpen] = useState(false)
  if (kbps === null) return null
  const bitrate = bitrateText(kbps, t)
  // The name holds the visible text too, so speech input can use what is on screen.
  const label = t('quality.uplinkButton', { level: levelText(level, t), bitrate })
  return (
    <div className="uplink-summary">
      <button
        type="button"
        className={`uplink-button quality-${level ?? 'unknown'}`}
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <QualityIcon level={level} />
        <span aria-hidden="true">{t('quality.uplinkShort', { bitrate })}</span>
      </button>
      {open ? <UplinkDetails id={id} onClose={() => setOpen(false)} /> : null}
    </div>
  )
}
