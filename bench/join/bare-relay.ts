import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { BARE_MESH_PAGE_HTML } from './bare-mesh-page'
import { BARE_PAGE_HTML } from './bare-page'

export interface BareRelay {
  origin: string
  close: () => Promise<void>
}

/**
 * The smallest signaling that works: join a room, forward every `signal` to the others in it.
 * No validation, no ids, no acks beyond join: the floor the app's signaling is measured against.
 * /mesh serves the bare mesh client (or `meshPage`, a variant of it), whose `mesh-signal`s are
 * addressed to one socket id.
 */
export async function startBareRelay(options: { meshPage?: string } = {}): Promise<BareRelay> {
  const meshPage = options.meshPage ?? BARE_MESH_PAGE_HTML
  const http = createServer((request, response) => {
    const page = request.url?.startsWith('/mesh') ? meshPage : BARE_PAGE_HTML
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
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
    socket.on('mesh-join', async (name: string, done: (others: string[]) => void) => {
      room = name
      const others = (await io.in(name).fetchSockets()).map((s) => s.id)
      await socket.join(name)
      done(others)
    })
    socket.on('mesh-signal', ({ to, data }: { to: string; data: unknown }) => {
      io.to(to).emit('mesh-signal', { from: socket.id, data })
    })
    socket.on('disconnect', () => {
      if (room) io.to(room).emit('mesh-left', socket.id)
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  }
}
