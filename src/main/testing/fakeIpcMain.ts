/** In-memory ipcMain for unit tests: records handlers and lets tests invoke them as a frame. */
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type { IpcMainLike } from '../ipc'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
type Listener = (event: IpcMainEvent, ...args: unknown[]) => void

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>()
  readonly listeners = new Map<string, Listener[]>()

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }

  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener])
    return this
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  removeAllListeners(channel?: string): this {
    if (channel) this.listeners.delete(channel)
    else this.listeners.clear()
    return this
  }

  /** Calls a handle()d channel as if a frame at `url` had invoked it. */
  async invoke(
    channel: string,
    payload?: unknown,
    url = 'app://moim/index.html',
  ): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler(fakeEvent(url) as IpcMainInvokeEvent, payload)
  }

  send(channel: string, payload?: unknown, url = 'app://moim/index.html'): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      listener(fakeEvent(url) as IpcMainEvent, payload)
    }
  }
}

function fakeEvent(url: string | null): Pick<IpcMainInvokeEvent, 'senderFrame'> {
  return { senderFrame: url === null ? null : ({ url } as IpcMainInvokeEvent['senderFrame']) }
}
