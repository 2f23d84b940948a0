import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import type { MoimDesktopApi } from '../../platform/desktop'

/** Desktop: a button straight to the OS privacy settings when camera/microphone are denied. */
export function MediaAccessHelp({ desktop }: { desktop: MoimDesktopApi }): ReactElement {
  const t = useT()
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => void desktop.media.openSystemSettings('camera').catch(() => undefined)}
    >
      {t('error.openSystemSettings')}
    </button>
  )
}
