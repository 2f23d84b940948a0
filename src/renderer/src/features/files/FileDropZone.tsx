import { useEffect, useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'

function carriesFiles(data: DataTransfer | null): boolean {
  return data !== null && [...data.types].includes('Files')
}

/**
 * Files dropped anywhere on the call, or pasted, are offered to everyone; the chat opens so the
 * offer card is in view. While files are dragged over the window a hint covers the call.
 */
export function FileDropZone(): ReactElement | null {
  const t = useT()
  const session = useSession()
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    let depth = 0
    const offer = (files: File[]) => {
      if (files.length === 0) return
      session.files.offer(files)
      session.chat.openPanel()
    }
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return
      depth++
      setDragging(true)
    }
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      offer([...(event.dataTransfer?.files ?? [])])
    }
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])]
      if (files.length === 0) return
      event.preventDefault()
      offer(files)
    }
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    window.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragenter', onDragEnter)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
      window.removeEventListener('paste', onPaste)
    }
  }, [session])

  if (!dragging) return null
  return (
    <div className="file-drop-overlay" aria-hidden="true">
      <p>{t('files.dropHere')}</p>
    </div>
  )
}
