/** React bindings for the files stores (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { fileProgressStore, type FileProgressState } from './fileProgressStore'
import { filesStore, type FilesState } from './filesStore'

export function useFilesStore<T>(selector: (state: FilesState) => T): T {
  return useStore(filesStore, selector)
}

export function useFileProgress<T>(selector: (state: FileProgressState) => T): T {
  return useStore(fileProgressStore, selector)
}
