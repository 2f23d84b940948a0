import type { ReactElement } from 'react'
import { useLanguage, useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useFilesStore } from '../../store/useFilesStore'
import { errorText } from './fileText'

/** The last refused offer or failed save, until dismissed. */
export function FilesNoticeView(): ReactElement | null {
  const t = useT()
  const language = useLanguage()
  const session = useSession()
  const notice = useFilesStore((s) => s.notice)
  const maxFileBytes = useFilesStore((s) => s.maxFileBytes)
  if (!notice) return null
  return (
    <div className="files-notice" role="alert">
      <p>
        {notice.name ? (
          <>
            <bdi>{notice.name}</bdi>:{' '}
          </>
        ) : null}
        {errorText(t, notice.code, maxFileBytes, language)}
      </p>
      <button type="button" className="link-button" onClick={() => session.files.dismissNotice()}>
        {t('files.dismiss')}
      </button>
    </div>
  )
}
