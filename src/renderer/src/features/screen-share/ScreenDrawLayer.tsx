import {
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactElement,
} from 'react'
import { boxToBoard, boxToBoardClamped, type Size } from '../../engines/whiteboard/overlayGeometry'
import type { BoardPoint } from '../../engines/whiteboard/whiteboardEngine'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useScreenDrawStore } from '../../store/useScreenDrawStore'
import { OverlayPainter } from './overlayPainter'
import { ScreenDrawToolbar } from './ScreenDrawToolbar'
import './screenDraw.css'

interface ScreenDrawLayerProps {
  /** The shared screen's MediaStream id: its overlay board. */
  board: string
}

/**
 * A screen tile's drawing overlay: the marks over the shared picture, "Draw on screen", and
 * while drawing the overlay's toolbar; the sharer also gets the switch that lets everyone draw.
 * Sits inside the tile, over its video (whose intrinsic size it reads for the letterboxing).
 */
export function ScreenDrawLayer({ board }: ScreenDrawLayerProps): ReactElement | null {
  const t = useT()
  const screenDraw = useSession().screenDraw
  const overlay = useScreenDrawStore((s) => s.overlays[board])
  const layerRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const geometry = useRef<{ box: Size; video: Size }>({
    box: { width: 0, height: 0 },
    video: { width: 0, height: 0 },
  })
  const pointer = useRef<number | null>(null)
  const exists = overlay !== undefined
  const enabled = overlay?.enabled ?? false
  const drawing = overlay?.drawing ?? false

  useLayoutEffect(() => {
    const layer = layerRef.current
    const canvas = canvasRef.current
    const scene = exists && enabled ? screenDraw.scene(board) : null
    if (!layer || !canvas || !scene) return
    const video = layer.parentElement?.querySelector('video') ?? null
    const painter = new OverlayPainter(canvas, scene, () => screenDraw.now())
    const fit = (): void => {
      const { width, height } = layer.getBoundingClientRect()
      const box = { width, height }
      const frame = { width: video?.videoWidth ?? 0, height: video?.videoHeight ?? 0 }
      geometry.current = { box, video: frame }
      painter.setGeometry(box, frame, window.devicePixelRatio || 1)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(layer)
    // The shared window can change size (a new frame size) without the tile changing.
    video?.addEventListener('resize', fit)
    video?.addEventListener('loadedmetadata', fit)
    window.addEventListener('resize', fit)
    return () => {
      observer.disconnect()
      video?.removeEventListener('resize', fit)
      video?.removeEventListener('loadedmetadata', fit)
      window.removeEventListener('resize', fit)
      painter.dispose()
    }
  }, [board, screenDraw, exists, enabled])

  useEffect(() => () => screenDraw.endStroke(board), [board, screenDraw])

  if (!overlay || (!overlay.enabled && !overlay.own)) return null

  const local = (event: { clientX: number; clientY: number }): BoardPoint => {
    const rect = canvasRef.current!.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    if (!drawing || event.button !== 0 || pointer.current !== null) return
    const { box, video } = geometry.current
    const point = boxToBoard(local(event), box, video)
    if (!point) return
    event.preventDefault()
    try {
      event.currentTarget.setPointerCapture(event.pointerId)
    } catch {
      // The pointer is already gone: draw anyway.
    }
    pointer.current = event.pointerId
    screenDraw.beginStroke(board, point)
  }

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    if (pointer.current !== event.pointerId) return
    const { box, video } = geometry.current
    const events = event.nativeEvent.getCoalescedEvents?.() ?? []
    screenDraw.extendStroke(
      board,
      (events.length > 0 ? events : [event]).map((e) => boxToBoardClamped(local(e), box, video)),
    )
  }

  const onPointerEnd = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    if (pointer.current !== event.pointerId) return
    pointer.current = null
    screenDraw.endStroke(board)
  }

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !drawing) return
    event.stopPropagation()
    screenDraw.setDrawing(board, false)
  }

  return (
    <div
      ref={layerRef}
      className={`sd-layer${drawing ? ' is-drawing' : ''}`}
      data-board={board}
      onKeyDown={onKeyDown}
    >
      {overlay.enabled ? (
        <canvas
          ref={canvasRef}
          className="sd-canvas"
          role="img"
          aria-label={t('screenDraw.marks')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
        >
          {t('screenDraw.hint')}
        </canvas>
      ) : null}
      <div className="sd-controls">
        {overlay.enabled ? (
          <button
            type="button"
            className="sd-button"
            aria-pressed={drawing}
            title={t('screenDraw.hint')}
            onClick={() => screenDraw.setDrawing(board, !drawing)}
          >
            {t('screenDraw.draw')}
          </button>
        ) : null}
        {overlay.own ? (
          <button
            type="button"
            className="sd-button"
            aria-pressed={overlay.enabled}
            onClick={() => screenDraw.setEnabled(board, !overlay.enabled)}
          >
            {t('screenDraw.allow')}
          </button>
        ) : null}
        {drawing ? <ScreenDrawToolbar board={board} own={overlay.own} /> : null}
      </div>
    </div>
  )
}
