/** React binding for the audio store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { audioStore, type AudioState } from './audioStore'

export function useAudioStore<T>(selector: (state: AudioState) => T): T {
  return useStore(audioStore, selector)
}
