import {
  useEffect,
  useLayoutEffect,
  useRef,
  type PointerEvent as ReactPointerEvent,
  type ReactElement,
  type RefObject,
} from 'react'
import { BOARD_HEIGHT, BOARD_WIDTH } from '../../../../shared/whiteboard/pointCodec'
import type { BoardPoint } from '../../engines/whiteboard/whiteboardEngine'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useWhiteboardStore } from '../../store/useWhiteboardStore'
import { BoardPainter } from './boardPainter'
import { CursorLayer } from './CursorLayer'

const ASPECT = BOARD_WIDTH / BOARD_HEIGHT

interface WhiteboardCanvasProps {
  /** Filled with the painter while mounted (the toolbar exports through it). */
  painterRef: RefObject<BoardPainter | null>
}

/** The board's canvas, as large as fits at the board's aspect ratio, with peers' cursors. */
export function WhiteboardCanvas({ painterRef }: WhiteboardCanvasProps): ReactElement {
  const t = useT()
  const session = useSession()
  const whiteboard = session.whiteboard
  const canDraw = useWhiteboardStore((s) => s.canDraw)
  const tool = useWhiteboardStore((s) => s.tool)
  const frameRef = useRef<HTMLDivElement>(null)
  const boardRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const drawing = useRef<number | null>(null)

  useLayoutEffect(() => {
    const canvas = canvasRef.current
    const frame = frameRef.current
    const board = boardRef.current
    if (!canvas || !frame || !board) return
    const painter = new BoardPainter(canvas, whiteboard.scene)
    painterRef.current = painter
    const fit = (): void => {
      const { width, height } = frame.getBoundingClientRect()
      const w = Math.floor(Math.min(width, height * ASPECT))
      const h = Math.floor(w / ASPECT)
      board.style.width = `${w}px`
      board.style.height = `${h}px`
      painter.resize(w, h, window.devicePixelRatio || 1)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(frame)
    // Moving the window to a screen with another pixel ratio changes no element's size.
    window.addEventListener('resize', fit)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', fit)
      painter.dispose()
      if (painterRef.current === painter) painterRef.current = null
    }
  }, [whiteboard, painterRef])

  useEffect(() => () => whiteboard.endStroke(), [whiteboard])

  const toBoard = (event: { clientX: number; clientY: number }): BoardPoint => {
    const rect = canvasRef.current!.getBoundingClientRect()
    return {
      x: ((event.clientX - rect.left) / Math.max(1, rect.width)) * BOARD_WIDTH,
      y: ((event.clientY - rect.top) / Math.max(1, rect.height)) * BOARD_HEIGHT,
    }
  }

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    if (!canDraw || event.button !== 0 || drawing.current !== null) return
    event.preventDefault()
    const point = toBoard(event)
    if (tool === 'fill') return whiteboard.fillAt(point)
    try {
      event.currentTarget.setPointerCapture(event.pointerId)
    } catch {
      // The pointer is already gone (released between the event and this call): draw anyway.
    }
    drawing.current = event.pointerId
    whiteboard.beginStroke(point)
  }

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    whiteboard.moveCursor(toBoard(event))
    if (drawing.current !== event.pointerId) return
    // A fast mouse or pen reports more positions than frames: keep them all.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? []
    whiteboard.extendStroke((events.length > 0 ? events : [event]).map(toBoard))
  }

  const onPointerEnd = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    if (drawing.current !== event.pointerId) return
    drawing.current = null
    whiteboard.endStroke()
  }

  return (
    <div ref={frameRef} className="wb-frame">
      <div ref={boardRef} className="wb-board">
        <canvas
          ref={canvasRef}
          className={`wb-canvas${canDraw ? ` tool-${tool}` : ''}`}
          role="img"
          aria-label={t('whiteboard.board')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onPointerLeave={() => whiteboard.moveCursor(null)}
        >
          {t('whiteboard.boardHint')}
        </canvas>
        <CursorLayer />
      </div>
    </div>
  )
}
