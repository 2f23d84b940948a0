/** React binding for the game store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { gameStore, type GameViewState } from './gameStore'

export function useGameStore<T>(selector: (state: GameViewState) => T): T {
  return useStore(gameStore, selector)
}

/** For selectors that build an object: re-renders only when one of its fields changes. */
export function useGameStoreShallow<T>(selector: (state: GameViewState) => T): T {
  return useStore(gameStore, useShallow(selector))
}
