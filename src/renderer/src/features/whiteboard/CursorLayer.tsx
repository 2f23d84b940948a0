import { useEffect, useRef, type ReactElement } from 'react'
import { BOARD_HEIGHT, BOARD_WIDTH } from '../../../../shared/whiteboard/pointCodec'
import { callStore } from '../../store/callStore'
import { whiteboardCursorStore, type WhiteboardCursorState } from '../../store/whiteboardStore'

/**
 * Peers' pointers with their names over the board. They move at frame rate, so the elements
 * are updated from a store subscription, never through React state.
 */
export function CursorLayer(): ReactElement {
  const layerRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const layer = layerRef.current
    if (!layer) return
    const elements = new Map<string, HTMLDivElement>()
    const render = ({ cursors }: WhiteboardCursorState): void => {
      const participants = callStore.getState().participants
      for (const [peerId, element] of elements) {
        if (cursors[peerId] && participants[peerId]) continue
        element.remove()
        elements.delete(peerId)
      }
      for (const [peerId, point] of Object.entries(cursors)) {
        const name = participants[peerId]?.name
        if (!name) continue
        let element = elements.get(peerId)
        if (!element) {
          element = document.createElement('div')
          element.className = 'wb-cursor'
          const label = document.createElement('span')
          label.className = 'wb-cursor-name'
          element.append(label)
          layer.append(element)
          elements.set(peerId, element)
        }
        const label = element.firstElementChild as HTMLSpanElement
        if (label.textContent !== name) label.textContent = name
        element.style.left = `${(point.x / BOARD_WIDTH) * 100}%`
        element.style.top = `${(point.y / BOARD_HEIGHT) * 100}%`
      }
    }
    render(whiteboardCursorStore.getState())
    const offCursors = whiteboardCursorStore.subscribe(render)
    const offNames = callStore.subscribe((state, prev) => {
      if (state.participants !== prev.participants) render(whiteboardCursorStore.getState())
    })
    return () => {
      offCursors()
      offNames()
      for (const element of elements.values()) element.remove()
    }
  }, [])

  // Names of people pointing are not announced: they change many times a second.
  return <div ref={layerRef} className="wb-cursors" aria-hidden="true" />
}
