import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { BARE_PAGE_HTML } from './bare-page'

export interface BareRelay {
  origin: string
  close: () => Promise<void>
}

/**
 * The smallest signaling that works: join a room, forward every `signal` to the others in it.
 * No validation, no ids, no acks beyond join: the floor the app's signaling is measured against.
 */
export async function startBareRelay(): Promise<BareRelay> {
  const http = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BARE_PAGE_HTML)
  })
  const io = new Server(http)
  io.on('connection', (socket) => {
    let room: string | undefined
    socket.on('join', (name: string, done: () => void) => {
      room = name
      void socket.join(name)
      done()
    })
    socket.on('signal', (data: unknown) => {
      if (room) socket.to(room).emit('signal', data)
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  }
}
