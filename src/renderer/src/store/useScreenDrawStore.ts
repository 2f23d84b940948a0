/** React binding for the screen-drawing store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { screenDrawStore, type ScreenDrawState } from './screenDrawStore'

export function useScreenDrawStore<T>(selector: (state: ScreenDrawState) => T): T {
  return useStore(screenDrawStore, selector)
}
