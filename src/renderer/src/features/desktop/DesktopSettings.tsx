import { useId, type ReactElement } from 'react'
import { useStore } from 'zustand'
import { useT } from '../../i18n/useT'
import { getDesktopApi, type CloseDuringCall } from '../../platform/desktop'
import { checkForUpdates, setCloseDuringCall } from './desktopActions'
import { desktopStore } from './desktopStore'
import { updateStatusText } from './updateStatusText'

const CLOSE_CHOICES = {
  ask: 'desktop.closeSettingAsk',
  tray: 'desktop.closeSettingTray',
  quit: 'desktop.closeSettingQuit',
} as const satisfies Record<CloseDuringCall, string>

/** Desktop-only settings: what closing the window does in a call, and updates. */
export function DesktopSettings(): ReactElement | null {
  const t = useT()
  const closeDuringCall = useStore(desktopStore, (s) => s.closeDuringCall)
  const update = useStore(desktopStore, (s) => s.update)
  const closeId = useId()
  const updatesId = useId()
  const desktop = getDesktopApi()
  if (!desktop) return null
  const status = update ? updateStatusText(update) : null
  const canCheck =
    update !== null && !['off', 'checking', 'downloading', 'ready'].includes(update.state)
  return (
    <>
      <div className="field">
        <label htmlFor={closeId} className="field-label">
          {t('desktop.closeSetting')}
        </label>
        <select
          id={closeId}
          className="select"
          value={closeDuringCall ?? 'ask'}
          disabled={closeDuringCall === null}
          onChange={(event) =>
            void setCloseDuringCall(event.target.value as CloseDuringCall, desktop)
          }
        >
          {(Object.keys(CLOSE_CHOICES) as CloseDuringCall[]).map((choice) => (
            <option key={choice} value={choice}>
              {t(CLOSE_CHOICES[choice])}
            </option>
          ))}
        </select>
      </div>
      <div className="field" role="group" aria-labelledby={updatesId}>
        <span id={updatesId} className="field-label">
          {t('desktop.updates')}
        </span>
        {status ? (
          <p className="field-hint" aria-live="polite">
            {t(status.key, status.vars)}
          </p>
        ) : null}
        {canCheck ? (
          <button
            type="button"
            className="secondary-button"
            onClick={() => void checkForUpdates(desktop)}
          >
            {t('desktop.updateCheck')}
          </button>
        ) : null}
      </div>
    </>
  )
}
