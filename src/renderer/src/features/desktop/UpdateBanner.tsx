import type { ReactElement } from 'react'
import { useStore } from 'zustand'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { restartToUpdate } from './desktopActions'
import { desktopStore } from './desktopStore'

/** In the lobby, once an update is downloaded: "Moim 1.2.0 is ready. [Restart to update]". */
export function UpdateBanner(): ReactElement | null {
  const t = useT()
  const update = useStore(desktopStore, (s) => s.update)
  const refused = useStore(desktopStore, (s) => s.restartRefused)
  const desktop = getDesktopApi()
  if (!desktop || update?.state !== 'ready') return null
  return (
    <div className="update-banner">
      <p role="status" className="update-banner-text">
        {t('desktop.updateReady', { version: update.version })}
      </p>
      <button
        type="button"
        className="primary-button compact"
        onClick={() => void restartToUpdate(desktop)}
      >
        {t('desktop.updateRestart')}
      </button>
      {refused ? (
        <p role="alert" className="field-error">
          {t('desktop.updateRefused')}
        </p>
      ) : null}
    </div>
  )
}
