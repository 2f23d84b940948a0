/** React binding for the stats store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { statsStore, type StatsState } from './statsStore'

export function useStatsStore<T>(selector: (state: StatsState) => T): T {
  return useStore(statsStore, selector)
}
