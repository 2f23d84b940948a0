import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { CloseIcon } from '../call/ui/icons'
import { WhiteboardSurface } from './WhiteboardSurface'

/** The whiteboard as the call's stage: the board large, the video tiles in a strip below. */
export function WhiteboardStage(): ReactElement {
  const t = useT()
  const session = useSession()
  return (
    <div className="wb-stage">
      <div className="wb-stage-header">
        <h2 className="wb-stage-title">{t('whiteboard.title')}</h2>
        <button
          type="button"
          className="wb-action"
          aria-label={t('whiteboard.close')}
          title={t('whiteboard.close')}
          onClick={() => session.whiteboard.close()}
        >
          <CloseIcon />
        </button>
      </div>
      <WhiteboardSurface />
    </div>
  )
}
