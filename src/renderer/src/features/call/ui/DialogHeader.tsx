import type { ReactElement } from 'react'
import { CloseIcon } from './icons'

/** A dialog's title (the dialog's accessible name through `titleId`) and its close button. */
export function DialogHeader(props: {
  titleId: string
  title: string
  closeLabel: string
  onClose: () => void
}): ReactElement {
  return (
    <header className="dialog-header">
      <h2 id={props.titleId} className="dialog-title">
        {props.title}
      </h2>
      <button
        type="button"
        className="icon-button variant-ghost"
        aria-label={props.closeLabel}
        title={props.closeLabel}
        onClick={props.onClose}
      >
        <CloseIcon />
      </button>
    </header>
  )
}
