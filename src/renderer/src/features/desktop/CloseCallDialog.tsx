import { useId, useState, type ReactElement } from 'react'
import { useStore } from 'zustand'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { answerClose } from './desktopActions'
import { desktopStore } from './desktopStore'
import { ModalDialog } from './ModalDialog'

/** "Leave the call?" after the window was closed during a call (the "Ask me" preference). */
export function CloseCallDialog(): ReactElement | null {
  const asked = useStore(desktopStore, (s) => s.closeAsked)
  return asked ? <CloseCallQuestion /> : null
}

function CloseCallQuestion(): ReactElement | null {
  const t = useT()
  const session = useSession()
  const room = useCallStore((s) => s.room?.id ?? '')
  const [remember, setRemember] = useState(false)
  const hintId = useId()
  const desktop = getDesktopApi()
  if (!desktop) return null
  const answer = (action: 'quit' | 'tray' | 'cancel'): void => {
    void answerClose({ action, remember }, session, desktop)
  }
  return (
    <ModalDialog title={t('desktop.closeTitle')} onCancel={() => answer('cancel')}>
      <p>{t('desktop.closeBody', { room })}</p>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />
        {t('desktop.closeRemember')}
      </label>
      <p id={hintId} className="field-hint">
        {t('desktop.closeTrayHint')}
      </p>
      <div className="dialog-footer dialog-actions">
        <button type="button" className="secondary-button" onClick={() => answer('cancel')}>
          {t('desktop.closeCancel')}
        </button>
        <button type="button" className="secondary-button" onClick={() => answer('quit')}>
          {t('desktop.closeQuit')}
        </button>
        <button
          type="button"
          className="primary-button compact"
          aria-describedby={hintId}
          data-initial-focus
          onClick={() => answer('tray')}
        >
          {t('desktop.closeTray')}
        </button>
      </div>
    </ModalDialog>
  )
}
