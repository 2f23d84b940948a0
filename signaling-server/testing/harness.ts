/** Test helpers: a real server on a random loopback port and real socket.io clients. */
import { io as connect, type Socket } from 'socket.io-client'
import type {
  Ack,
  ClientToServerEvents,
  JoinAckBody,
  JoinRequest,
  ServerToClientEvents,
} from '../../src/shared/protocol'
import { startServer, type RunningServer, type StartOptions } from '../start'

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>

export class TestWorld {
  private readonly servers: RunningServer[] = []
  private readonly clients: TestClient[] = []

  async server(opts: StartOptions = {}): Promise<RunningServer> {
    const s = await startServer({
      logLevel: 'silent',
      webRoot: null,
      ...opts,
      port: 0,
      host: '127.0.0.1',
    })
    this.servers.push(s)
    return s
  }

  /** A connected client (websocket only, no automatic reconnection: tests drive reconnects). */
  async client(
    url: string,
    extraHeaders?: Record<string, string>,
    options: { rejectUnauthorized?: boolean } = {},
  ): Promise<TestClient> {
    const socket: TestClient = connect(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders,
      ...options,
    })
    this.clients.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', reject)
    })
    return socket
  }

  async close(): Promise<void> {
    for (const c of this.clients.splice(0)) c.close()
    await Promise.all(this.servers.splice(0).map((s) => s.close()))
  }
}

/** Connection attempt that is expected to fail: resolves with the connect_error message. */
export function refusedConnection(
  url: string,
  extraHeaders?: Record<string, string>,
): Promise<string> {
  const socket: TestClient = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  })
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close()
      reject(new Error('connected, but a refusal was expected'))
    })
    socket.once('connect_error', (err) => {
      socket.close()
      resolve(err.message)
    })
  })
}

/** Joins and returns the ack body; throws with the server's error otherwise. */
export async function join(socket: TestClient, req: JoinRequest): Promise<JoinAckBody> {
  const res = await socket.emitWithAck('room:join', req)
  if (!res.ok) throw new Error(`join failed: ${res.error.code} ${res.error.message}`)
  return res
}

export function errorCode(res: Ack): string | null {
  return res.ok ? null : res.error.code
}

/** Resolves with the next payload of `event` (optionally the next one matching `where`). */
export function next<E extends keyof ServerToClientEvents>(
  socket: TestClient,
  event: E,
  where: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    type Payload = Parameters<ServerToClientEvents[E]>[0]
    const listener = (payload: Payload): void => {
      if (!where(payload)) return
      socket.off(event, listener as never)
      resolve(payload)
    }
    socket.on(event, listener as never)
  })
}

/** Sends raw, untyped emits the way a hostile client could. */
export function raw(socket: TestClient): {
  emitWithAck(event: string, ...args: unknown[]): Promise<Ack>
  emit(event: string, ...args: unknown[]): void
} {
  return socket as unknown as ReturnType<typeof raw>
}

/** Collects every payload of `event` so a test can assert that something did NOT arrive. */
export function record<E extends keyof ServerToClientEvents>(
  socket: TestClient,
  event: E,
): Array<Parameters<ServerToClientEvents[E]>[0]> {
  const seen: Array<Parameters<ServerToClientEvents[E]>[0]> = []
  socket.on(event, ((p: Parameters<ServerToClientEvents[E]>[0]) => seen.push(p)) as never)
  return seen
}
