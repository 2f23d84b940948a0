/**
 * Child process: FLOODERS socket.io connections that send junk as fast as they can for
 * SECONDS (small unknown events, and every fiftieth a 100 KiB frame), each from its own
 * address, reconnecting whenever the server cuts them off, like a persistent abuser. Reports
 * what happened, then exits.
 */
import { io, type Socket } from 'socket.io-client'

const url = process.argv[2]
const FLOODERS = Number(process.argv[3] ?? 200)
const SECONDS = Number(process.argv[4] ?? 8)
// Pre-encoded Socket.IO EVENT packets written straight to the engine, so the flooder spends
// its CPU on sending, not on encoding: the server still decodes every one of them.
const SMALL = '2["noise",1]'
const BIG = `2["noise","${'x'.repeat(100 * 1024)}"]`

interface Engine {
  write(data: string): void
}

let sent = 0
let cutOff = 0
let connections = 0
let refused = 0
const sockets = new Set<Socket>()
const end = Date.now() + SECONDS * 1000

/** Each flooder has its own address (seen through the trusted proxy hop). */
function flood(index: number): void {
  if (Date.now() >= end) return
  const address = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'X-Forwarded-For': address },
  })
  sockets.add(socket)
  let timer: NodeJS.Timeout | null = null
  socket.on('connect', () => {
    connections++
    const burst = (): void => {
      if (!socket.connected || Date.now() >= end) return
      const engine = (socket.io as unknown as { engine: Engine }).engine
      for (let i = 0; i < 50; i++) {
        engine.write(sent % 50 === 0 ? BIG : SMALL)
        sent++
      }
      timer = setTimeout(burst, 5)
    }
    burst()
  })
  const again = (): void => {
    if (timer) clearTimeout(timer)
    sockets.delete(socket)
    socket.close()
    setTimeout(() => flood(index), 50)
  }
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') cutOff++
    again()
  })
  socket.on('connect_error', () => {
    refused++
    again()
  })
}

for (let i = 0; i < FLOODERS; i++) flood(i)
setTimeout(
  () => {
    for (const socket of sockets) socket.close()
    process.send?.({ sent, cutOff, connections, refused })
    setTimeout(() => process.exit(0), 100)
  },
  SECONDS * 1000 + 200,
)
