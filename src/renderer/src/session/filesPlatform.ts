/**
 * Where shared files are read, stored and saved on this platform: workers and the Origin
 * Private File System in a browser page (the desktop app's renderer is one too), a download
 * or the desktop app's save dialog for saving.
 */
import { nanoid } from 'nanoid'
import type { MoimDesktopApi } from '../../../preload/index.d'
import { OpfsStorage } from '../engines/files/opfsStorage'
import { StorageError, type FileStorage, type SourceFactory } from '../engines/files/storage'
import { workerSources } from '../engines/files/workerSource'

export interface FilesPlatform {
  storage: FileStorage
  openSource: SourceFactory
  saveFile: (file: File) => Promise<void>
}

/** Tests and environments without workers: offers work, receiving says "no storage". */
export function unavailableFilesPlatform(): FilesPlatform {
  const unavailable = () => Promise.reject(new StorageError('no-opfs'))
  return {
    storage: { open: unavailable, file: unavailable, wipe: () => Promise.resolve() },
    openSource: () => ({ read: unavailable, digest: unavailable, close: () => {} }),
    saveFile: unavailable,
  }
}

/** A normal browser download of the file, under its (sanitised) name. */
export function downloadFile(file: File): Promise<void> {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own reference once started; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return Promise.resolve()
}

export function browserFilesPlatform(saveFile: (file: File) => Promise<void>): FilesPlatform {
  if (typeof Worker === 'undefined' || typeof navigator === 'undefined')
    return { ...unavailableFilesPlatform(), saveFile }
  const storage = new OpfsStorage({
    storage: navigator.storage,
    locks: navigator.locks,
    instance: nanoid(16),
    createWorker: () =>
      new Worker(new URL('../engines/files/fileWriter.worker.ts', import.meta.url), {
        type: 'module',
      }),
  })
  // Files left by a crashed or closed page go now; this page's go when it leaves the call.
  void storage.claim().catch((error: unknown) => console.warn('could not clean up files', error))
  const openSource = workerSources(
    () =>
      new Worker(new URL('../engines/files/fileReader.worker.ts', import.meta.url), {
        type: 'module',
      }),
  )
  return { storage, openSource, saveFile }
}

/** Bytes per IPC message when the desktop app saves a file (the main process takes <= 8 MiB). */
export const DESKTOP_SAVE_CHUNK = 4 * 1024 * 1024

/**
 * The desktop app's save: the main process asks the user where (a save dialog), then takes the
 * file in chunks read one at a time, so memory stays bounded for any size.
 */
export function desktopSaveFile(api: MoimDesktopApi['files']): (file: File) => Promise<void> {
  return async (file) => {
    const token = await api.saveBegin({ name: file.name, size: file.size })
    if (!token) return
    try {
      for (let offset = 0; offset < file.size; offset += DESKTOP_SAVE_CHUNK) {
        const slice = file.slice(offset, offset + DESKTOP_SAVE_CHUNK)
        await api.saveChunk(token, offset, new Uint8Array(await slice.arrayBuffer()))
      }
    } catch (error) {
      await api.saveAbort(token).catch(() => {})
      throw error
    }
    if (!(await api.saveEnd(token))) throw new Error('the file was not saved completely')
  }
}
