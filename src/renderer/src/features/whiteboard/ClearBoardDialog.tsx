import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { ModalDialog } from '../desktop/ModalDialog'

interface ClearBoardDialogProps {
  onConfirm: () => void
  onCancel: () => void
}

/** Clearing takes everyone's drawing away: it is confirmed first (Cancel has the focus). */
export function ClearBoardDialog({ onConfirm, onCancel }: ClearBoardDialogProps): ReactElement {
  const t = useT()
  return (
    <ModalDialog title={t('whiteboard.clearTitle')} onCancel={onCancel} className="wb-clear-dialog">
      <p>{t('whiteboard.clearBody')}</p>
      <div className="dialog-actions">
        <button type="button" className="secondary-button" data-initial-focus onClick={onCancel}>
          {t('whiteboard.cancel')}
        </button>
        <button type="button" className="danger-button" onClick={onConfirm}>
          {t('whiteboard.clearConfirm')}
        </button>
      </div>
    </ModalDialog>
  )
}
