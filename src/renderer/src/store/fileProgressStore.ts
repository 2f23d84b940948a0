/**
 * Transfer progress, updated a few times a second while bytes flow. Kept out of filesStore so a
 * progress tick re-renders only the progress bars that read it (through subscribe + refs).
 */
import { createStore } from 'zustand/vanilla'

export interface TransferProgress {
  bytes: number
  /** Smoothed; 0 until measured. */
  bytesPerSecond: number
  /** null while unknown (no speed yet). */
  secondsLeft: number | null
}

export interface FileProgressState {
  progress: Record<string, TransferProgress>
}

export function createFileProgressStore() {
  return createStore<FileProgressState>()(() => ({ progress: {} }))
}
export type FileProgressStore = ReturnType<typeof createFileProgressStore>

export const fileProgressStore = createFileProgressStore()
