/** React binding for the whiteboard store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { whiteboardStore, type WhiteboardState } from './whiteboardStore'

export function useWhiteboardStore<T>(selector: (state: WhiteboardState) => T): T {
  return useStore(whiteboardStore, selector)
}
