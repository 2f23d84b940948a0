import { useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'

/** Picks files with the system dialog and offers them to the call. */
export function ShareFilesButton(): ReactElement {
  const t = useT()
  const session = useSession()
  const input = useRef<HTMLInputElement>(null)
  return (
    <div className="files-share">
      <button
        type="button"
        className="secondary-button"
        title={t('files.shareHint')}
        onClick={() => input.current?.click()}
      >
        <span aria-hidden="true">📎 </span>
        {t('files.share')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])]
          // The same file can be chosen again later.
          event.currentTarget.value = ''
          if (files.length > 0) session.files.offer(files)
        }}
      />
    </div>
  )
}
