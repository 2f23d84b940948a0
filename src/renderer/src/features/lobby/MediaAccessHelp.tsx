import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import type { MoimDesktopApi } from '../../platform/desktop'
import { settingsPaneFor } from './mediaAccess'

/** Desktop: a button straight to the OS privacy settings when camera/microphone are denied. */
export function MediaAccessHelp({
  desktop,
  device,
}: {
  desktop: MoimDesktopApi
  device: string | null
}): ReactElement {
  const t = useT()
  return (
    <button
      type="button"
      className="link-button"
      onClick={() =>
        void desktop.media.openSystemSettings(settingsPaneFor(device)).catch(() => undefined)
      }
    >
      {t('error.openSystemSettings')}
    </button>
  )
}
