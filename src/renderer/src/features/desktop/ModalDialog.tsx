import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react'

interface ModalDialogProps {
  title: string
  /** Escape, or the window's own close: the same as the dialog's Cancel. */
  onCancel: () => void
  children: ReactNode
  className?: string
}

/**
 * A modal question rendered from store state: mounted means open. The native <dialog> gives the
 * focus trap, the inert background and Escape; focus returns to where it was.
 */
export function ModalDialog({
  title,
  onCancel,
  children,
  className,
}: ModalDialogProps): ReactElement {
  const titleId = useId()
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement as HTMLElement | null
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') {
      dialog.showModal()
      // The suggested answer, rather than the first control, gets the focus.
      dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus()
    }
    return () => {
      if (dialog?.open) dialog.close()
      opener?.focus?.()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`.trim()}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: close through the store, not by the browser behind React's back.
        event.preventDefault()
        onCancel()
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  )
}
