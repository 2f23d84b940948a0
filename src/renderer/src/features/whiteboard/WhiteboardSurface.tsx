import { useEffect, useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { useWhiteboardStore } from '../../store/useWhiteboardStore'
import { isMacPlatform } from '../call/shortcuts'
import type { BoardPainter } from './boardPainter'
import { historyShortcut } from './palette'
import { WhiteboardCanvas } from './WhiteboardCanvas'
import { WhiteboardToolbar } from './WhiteboardToolbar'
import './whiteboard.css'

const isMac = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform)

/** Typing in a text field keeps its own undo. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  return target instanceof HTMLInputElement && target.type !== 'radio'
}

/**
 * The shared board with its toolbar: what the call's whiteboard stage and the draw-and-guess
 * game render. The tools are hidden while the local user may not draw (the game's guessers).
 */
export function WhiteboardSurface(): ReactElement {
  const t = useT()
  const session = useSession()
  const painterRef = useRef<BoardPainter | null>(null)
  const canDraw = useWhiteboardStore((s) => s.canDraw)
  const loading = useWhiteboardStore((s) => s.loading)
  const drawer = useWhiteboardStore((s) => s.exclusiveDrawer)
  const drawerName = useCallStore((s) => (drawer ? (s.participants[drawer]?.name ?? null) : null))

  useEffect(() => {
    if (!canDraw) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.isComposing || isTextField(event.target)) return
      const action = historyShortcut(event, isMac)
      if (!action) return
      event.preventDefault()
      if (action === 'undo') session.whiteboard.undo()
      else session.whiteboard.redo()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [canDraw, session])

  return (
    <section className="wb-surface" aria-label={t('whiteboard.title')}>
      {canDraw ? <WhiteboardToolbar painterRef={painterRef} /> : null}
      <p className="wb-status" role="status">
        {loading
          ? t('whiteboard.loading')
          : !canDraw && drawerName
            ? t('whiteboard.watching', { name: drawerName })
            : ''}
      </p>
      <WhiteboardCanvas painterRef={painterRef} />
    </section>
  )
}
