import { io as connect, type Socket } from 'socket.io-client'
import { startServer } from './start'
const s = await startServer({ port: 0, logLevel: 'silent', webRoot: null })
const clients: Socket[] = []
for (let i = 0; i < 1000; i++) clients.push(connect(s.url, { transports: ['websocket'], forceNew: true }))
await Promise.all(clients.map((c) => new Promise((r) => c.once('connect', r))))
const t = performance.now()
const cpu = process.cpuUsage()
await Promise.all(clients.map((c, i) => c.emitWithAck('room:join', { room: `b-${Math.floor(i / 4)}`, name: 'x', capacity: 4 })))
const dt = performance.now() - t
const used = process.cpuUsage(cpu)
console.log('joins/s', (1000 / (dt / 1000)).toFixed(0), 'cpu ms', ((used.user + used.system) / 1000).toFixed(0), 'wall ms', dt.toFixed(0))
for (const c of clients) c.close()
await s.close()
