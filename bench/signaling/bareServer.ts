/**
 * Child process: the baseline, a bare Socket.IO relay with no validation, no rate limit and no
 * metrics. Same event names and shapes as Moim so the load generator drives both alike.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { serveParent } from './childProtocol'

const http = createServer()
const io = new Server(http, { serveClient: false })
io.on('connection', (socket) => {
  socket.on('room:join', (req: { room: string }, ack: (res: unknown) => void) => {
    const peers = [...(io.of('/').adapter.rooms.get(req.room) ?? [])].map((id) => ({ id }))
    void socket.join(req.room)
    ack({ ok: true, self: { id: socket.id }, peers })
  })
  socket.on('signal', (req: { to: string; data: unknown }, ack: (res: unknown) => void) => {
    io.to(req.to).emit('signal', { from: socket.id, data: req.data })
    ack({ ok: true })
  })
})
http.listen(0, '127.0.0.1', () => {
  serveParent((http.address() as AddressInfo).port, async () => {
    await io.close()
  })
})
