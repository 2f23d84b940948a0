/**
 * The only way main-process IPC handlers are registered: each one checks that the sender is
 * one of the app's own frames and validates the payload with zod before running.
 */
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import type { OriginPolicy } from './appOrigin'

/** The part of Electron's ipcMain the router uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown
  removeHandler(channel: string): void
  removeAllListeners(channel?: string): unknown
}

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>

export class IpcRejection extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`)
    this.name = 'IpcRejection'
  }
}

export function senderUrl(event: SenderEvent): string | null {
  // senderFrame is null when the frame navigated away or was destroyed mid-call.
  return event.senderFrame?.url ?? null
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ')
}

export interface IpcRouter {
  /** ipcMain.handle with sender + payload checks; errors reach the renderer as rejections. */
  handle<S extends z.ZodType, R>(
    channel: string,
    schema: S,
    handler: (payload: z.output<S>, event: IpcMainInvokeEvent) => R | Promise<R>,
  ): void
  /** ipcMain.on (fire-and-forget) with the same checks; bad messages are dropped and logged. */
  on<S extends z.ZodType>(
    channel: string,
    schema: S,
    listener: (payload: z.output<S>, event: IpcMainEvent) => void,
  ): void
  dispose(): void
}

export function createIpcRouter(
  ipcMain: IpcMainLike,
  policy: OriginPolicy,
  log: (message: string) => void = console.warn,
): IpcRouter {
  const handled: string[] = []
  const listened: string[] = []

  function check<S extends z.ZodType>(
    channel: string,
    schema: S,
    event: SenderEvent,
    payload: unknown,
  ): z.output<S> {
    const url = senderUrl(event)
    if (!policy.isTrusted(url))
      throw new IpcRejection(channel, `untrusted sender ${url ?? '(gone)'}`)
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      throw new IpcRejection(channel, `invalid payload (${describeIssues(parsed.error)})`)
    }
    return parsed.data
  }

  return {
    handle(channel, schema, handler) {
      handled.push(channel)
      ipcMain.handle(channel, async (event, payload: unknown) =>
        handler(check(channel, schema, event, payload), event),
      )
    },
    on(channel, schema, listener) {
      listened.push(channel)
      ipcMain.on(channel, (event, payload: unknown) => {
        try {
          listener(check(channel, schema, event, payload), event)
        } catch (error) {
          log(error instanceof Error ? error.message : String(error))
        }
      })
    },
    dispose() {
      for (const channel of handled) ipcMain.removeHandler(channel)
      for (const channel of listened) ipcMain.removeAllListeners(channel)
    },
  }
}

/** Payload schema for channels that take nothing. */
export const noPayload = z.undefined()
