import { useEffect, useId, useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { CloseIcon } from '../call/ui/icons'
import type { FigureRow } from './figureText'

interface FiguresPopoverProps {
  id: string
  title: string
  rows: FigureRow[] | null
  className?: string
  onClose: () => void
}

/**
 * A non-modal dialog listing connection figures. Escape or a click outside closes it; focus
 * returns to the button that opened it (the element with aria-controls = id).
 */
export function FiguresPopover({
  id,
  title,
  rows,
  className,
  onClose,
}: FiguresPopoverProps): ReactElement {
  const t = useT()
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const popover = ref.current
    popover?.focus()
    const opener = () => document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onCloseRef.current()
    }
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!ref.current?.contains(target) && !opener()?.contains(target)) onCloseRef.current()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
      if (popover?.contains(document.activeElement) || document.activeElement === document.body)
        opener()?.focus()
    }
  }, [id])

  return (
    <div
      ref={ref}
      id={id}
      className={`quality-popover${className ? ` ${className}` : ''}`}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title quality-title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button variant-ghost"
          aria-label={t('quality.close')}
          title={t('quality.close')}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      {rows ? (
        <dl className="quality-figures">
          {rows.map((row) => (
            <div key={row.key} className="quality-row">
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="field-hint">{t('quality.waiting')}</p>
      )}
    </div>
  )
}
