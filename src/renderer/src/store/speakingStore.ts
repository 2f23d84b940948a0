/**
 * Voice activity, updated at ~10 Hz. Kept out of callStore so level changes never re-render
 * the grid; components subscribe to one participant's `speaking` flag (changes rarely) or read
 * `levels` through subscribe + refs for meters.
 */
import { createStore } from 'zustand/vanilla'

export interface SpeakingState {
  /** 0..1 RMS-ish level per participant id. */
  levels: Record<string, number>
  /** Debounced speaking flag per participant id. */
  speaking: Record<string, boolean>
}

export function createSpeakingStore() {
  return createStore<SpeakingState>()(() => ({ levels: {}, speaking: {} }))
}
export type SpeakingStore = ReturnType<typeof createSpeakingStore>

export const speakingStore = createSpeakingStore()

/** Key under which the local level is published before a self id exists (lobby preview). */
export const LOCAL_SPEAKER_KEY = 'local'
