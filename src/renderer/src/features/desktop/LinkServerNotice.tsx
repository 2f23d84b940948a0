import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'

interface LinkServerNoticeProps {
  room: string
  host: string
  onForget: () => void
}

/** Under the lobby form while an accepted invite link's server is in use for its room. */
export function LinkServerNotice({ room, host, onForget }: LinkServerNoticeProps): ReactElement {
  const t = useT()
  return (
    <div className="link-server-notice">
      <p>{t('desktop.linkInLobby', { room, host })}</p>
      <button type="button" className="secondary-button" onClick={onForget}>
        {t('desktop.linkForget')}
      </button>
    </div>
  )
}
