import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { FOUR_PERSON_BUDGET_JS } from '../join/capture'
import { BARE_MESH_PAGE_HTML } from '../join/bare-mesh-page'

/**
 * The join bench's bare mesh client (one RTCPeerConnection per peer, no app code), with the
 * camera budget for the room size taken from the page's query (?budget=<json>) instead of the
 * fixed four-person one, so each room size compares like with like.
 */
const PAGE = BARE_MESH_PAGE_HTML.replace(
  `const BUDGET = ${FOUR_PERSON_BUDGET_JS}`,
  'const BUDGET = JSON.parse(new URLSearchParams(location.search).get("budget"))',
)
if (PAGE === BARE_MESH_PAGE_HTML)
  throw new Error('the bare mesh page no longer has its budget line')

export interface MeshRelay {
  origin: string
  close: () => Promise<void>
}

/** Relays the bare page's `mesh-join` / `mesh-signal` and announces departures. */
export async function startMeshRelay(): Promise<MeshRelay> {
  const http = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
  })
  const io = new Server(http)
  io.on('connection', (socket) => {
    let room: string | undefined
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
