/** Messages between the files engine's worker clients and the reader and writer workers. */

export type ReaderRequest =
  | { op: 'open'; key: string; file: Blob }
  | { op: 'read'; seq: number; key: string; offset: number; length: number; headerLength: number }
  | { op: 'digest'; seq: number; key: string }
  | { op: 'close'; key: string }

export type WriterRequest =
  | { op: 'open'; seq: number; key: string; area: string; instance: string }
  | { op: 'write'; seq: number; key: string; offset: number; frame: ArrayBuffer; start: number }
  | { op: 'finish'; seq: number; key: string }
  | { op: 'discard'; seq: number; key: string; area: string; instance: string }
  | { op: 'wipe'; seq: number; area: string; instance: string }

/** A worker's answer to the request numbered seq: a value, or the error's name and message. */
export type WorkerReply =
  | { seq: number; ok: true; value?: unknown }
  | { seq: number; ok: false; name: string; message: string }

/** Minimal worker scope typing (the renderer is compiled against the DOM library). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null
  postMessage(message: unknown, transfer?: Transferable[]): void
}
