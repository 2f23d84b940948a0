/**
 * File sharing as the UI shows it: the offers of the call (own and others', oldest first) with
 * the sender's name, every transfer's state, and the last problem to tell the user about.
 * Progress figures change many times a second and live in fileProgressStore. Only session/
 * writes.
 */
import { createStore } from 'zustand/vanilla'
import type { FileErrorCode, OfferInfo, TransferInfo } from '../engines/files/types'

export interface FileOfferView extends OfferInfo {
  senderName: string
}

/** A problem not tied to one transfer's card (an offer refused, a save that failed). */
export interface FilesNotice {
  code: FileErrorCode | 'not-in-call' | 'save-failed'
  name: string
}

export interface FilesState {
  offers: FileOfferView[]
  transfers: Record<string, TransferInfo>
  notice: FilesNotice | null
  maxFileBytes: number
}

export function initialFilesState(maxFileBytes = 0): FilesState {
  return { offers: [], transfers: {}, notice: null, maxFileBytes }
}

export function createFilesStore() {
  return createStore<FilesState>()(() => initialFilesState())
}
export type FilesStore = ReturnType<typeof createFilesStore>

export const filesStore = createFilesStore()
