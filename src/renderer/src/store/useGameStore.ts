/** React binding for the game store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { gameStore, type GameViewState } from './gameStore'

export function useGameStore<T>(selector: (state: GameViewState) => T): T {
  return useStore(gameStore, selector)
}
