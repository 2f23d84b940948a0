/**
 * Saving a received file in the desktop app. The renderer never names a path: it asks to save
 * a file by name and size, the user picks the place in a save dialog shown here, and the bytes
 * then arrive in order, in bounded chunks, under a random token that only this save knows. The
 * name is sanitised before the dialog shows it; a save that is aborted, or that ends short,
 * deletes the partial file.
 */
import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import { z } from 'zod'
import { sanitizeFileName } from '../shared/files/fileName'
import { IPC } from '../shared/ipc'
import type { IpcRouter } from './ipc'

/** Bytes in one chunk from the renderer. */
export const SAVE_CHUNK_MAX = 8 * 1024 * 1024
/** Saves open at once (each waiting for the user or for bytes). */
export const SAVES_MAX = 4

export interface WritableFile {
  write(bytes: Uint8Array, position: number): Promise<void>
  close(): Promise<void>
}

export interface FileSaverDeps {
  /** The save dialog with this suggested name; the chosen path, or null when cancelled. */
  chooseTarget: (suggestedName: string) => Promise<string | null>
  open: (path: string) => Promise<WritableFile>
  remove: (path: string) => Promise<void>
  newToken?: () => string
}

interface OpenSave {
  path: string
  file: WritableFile
  size: number
  written: number
  /** Writes of one save happen one after another. */
  busy: boolean
}

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
export const saveBeginSchema = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
})
export const saveChunkSchema = z.strictObject({
  token,
  offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= SAVE_CHUNK_MAX, 'chunk too large'),
})
export const saveTokenSchema = z.strictObject({ token })

export class FileSaver {
  private readonly saves = new Map<string, OpenSave>()
  private pending = 0

  constructor(private readonly deps: FileSaverDeps) {}

  /** Shows the dialog; a token for the chunks, or null when the user cancelled. */
  async begin(name: string, size: number): Promise<string | null> {
    if (this.saves.size + this.pending >= SAVES_MAX) throw new Error('too many saves at once')
    this.pending++
    try {
      const path = await this.deps.chooseTarget(sanitizeFileName(name))
      if (!path) return null
      const file = await this.deps.open(path)
      const id = this.deps.newToken?.() ?? randomBytes(18).toString('base64url')
      this.saves.set(id, { path, file, size, written: 0, busy: false })
      return id
    } finally {
      this.pending--
    }
  }

  async chunk(id: string, offset: number, bytes: Uint8Array): Promise<void> {
    const save = this.saves.get(id)
    if (!save) throw new Error('no such save')
    if (save.busy || offset !== save.written || offset + bytes.byteLength > save.size) {
      await this.abort(id)
      throw new Error('chunk out of order')
    }
    save.busy = true
    try {
      await save.file.write(bytes, offset)
      save.written += bytes.byteLength
    } catch (error) {
      await this.abort(id)
      throw error
    } finally {
      save.busy = false
    }
  }

  /** Closes the file; true when every byte arrived (a short file is deleted). */
  async end(id: string): Promise<boolean> {
    const save = this.saves.get(id)
    if (!save) return false
    if (save.busy || save.written !== save.size) {
      await this.abort(id)
      return false
    }
    this.saves.delete(id)
    await save.file.close()
    return true
  }

  async abort(id: string): Promise<void> {
    const save = this.saves.get(id)
    if (!save) return
    this.saves.delete(id)
    await save.file.close().catch(() => {})
    await this.deps.remove(save.path).catch(() => {})
  }
}

/** A file on disk, created or truncated, written at positions. */
export async function openForWriting(path: string): Promise<WritableFile> {
  const handle = await open(path, 'w')
  return {
    write: async (bytes, position) => {
      let done = 0
      while (done < bytes.byteLength) {
        const { bytesWritten } = await handle.write(
          bytes,
          done,
          bytes.byteLength - done,
          position + done,
        )
        done += bytesWritten
      }
    },
    close: () => handle.close(),
  }
}

export function setupFileSaveIpc(router: IpcRouter, saver: FileSaver): void {
  router.handle(IPC.fileSaveBegin, saveBeginSchema, ({ name, size }) => saver.begin(name, size))
  router.handle(IPC.fileSaveChunk, saveChunkSchema, ({ token, offset, bytes }) =>
    saver.chunk(token, offset, bytes),
  )
  router.handle(IPC.fileSaveEnd, saveTokenSchema, ({ token }) => saver.end(token))
  router.handle(IPC.fileSaveAbort, saveTokenSchema, ({ token }) => saver.abort(token))
}
