import { useEffect, useId, useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { DeviceChoices } from './ui/DeviceChoices'
import { DialogHeader } from './ui/DialogHeader'

interface DevicesDialogProps {
  id: string
  open: boolean
  onClose: () => void
  /** Self peer id: the level meter key in a call. */
  speakerKey: string
}

/**
 * Switch camera or microphone mid-call. A native modal <dialog> gives the focus trap, the inert
 * background and Escape; focus goes back to whatever opened it.
 */
export function DevicesDialog({ id, open, onClose, speakerKey }: DevicesDialogProps): ReactElement {
  const t = useT()
  const titleId = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null
      dialog.showModal()
    } else if (!open && dialog.open) {
      dialog.close()
    }
  }, [open])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const handleClose = (): void => {
      onClose()
      opener.current?.focus()
      opener.current = null
    }
    dialog.addEventListener('close', handleClose)
    return () => dialog.removeEventListener('close', handleClose)
  }, [onClose])

  return (
    <dialog
      ref={ref}
      id={id}
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === event.currentTarget) ref.current?.close()
      }}
    >
      {open ? (
        <div className="dialog-body">
          <DialogHeader
            titleId={titleId}
            title={t('devices.title')}
            closeLabel={t('devices.close')}
            onClose={() => ref.current?.close()}
          />
          <DeviceChoices speakerKey={speakerKey} />
          <div className="dialog-footer">
            <button
              type="button"
              className="primary-button compact"
              onClick={() => ref.current?.close()}
            >
              {t('devices.done')}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  )
}
