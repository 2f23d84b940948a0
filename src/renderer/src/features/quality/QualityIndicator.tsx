import { useId, useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useStatsStore } from '../../store/useStatsStore'
import { levelText, linkRows } from './figureText'
import { FiguresPopover } from './FiguresPopover'
import { QualityIcon } from './QualityIcon'
import './quality.css'

/** Reads the figures only while open: the popover re-renders every 2 s, the tile never does. */
function LinkDetails(props: {
  id: string
  peerId: string
  name: string
  onClose: () => void
}): ReactElement {
  const t = useT()
  const figures = useStatsStore((s) => s.links[props.peerId])
  const step = useStatsStore((s) => s.cameraSteps[props.peerId] ?? 0)
  return (
    <FiguresPopover
      id={props.id}
      title={t('quality.title', { name: props.name })}
      rows={figures ? linkRows(figures, step, t) : null}
      className="is-tile"
      onClose={props.onClose}
    />
  )
}

/** The connection-quality button on a remote tile, opening the link's figures. */
export function QualityIndicator({ peerId, name }: { peerId: string; name: string }): ReactElement {
  const t = useT()
  const id = useId()
  const level = useStatsStore((s) => s.quality[peerId] ?? null)
  const [open, setOpen] = useState(false)
  const label = t('quality.button', { level: levelText(level, t) })
  return (
    <div className="quality-indicator">
      <button
        type="button"
        className={`quality-button quality-${level ?? 'unknown'}`}
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={id}
        data-quality={level ?? 'unknown'}
        onClick={() => setOpen((o) => !o)}
      >
        <QualityIcon level={level} />
      </button>
      {open ? (
        <LinkDetails id={id} peerId={peerId} name={name} onClose={() => setOpen(false)} />
      ) : null}
    </div>
  )
}
