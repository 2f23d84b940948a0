/**
 * Child process: the real Moim signaling server with its default limits, behind one trusted
 * proxy hop, so the flood benchmark can give each flooder its own client address (a botnet,
 * the case per-address limits alone cannot stop).
 */
import { startServer } from '../../signaling-server/start'
import { serveParent } from './childProtocol'

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  webRoot: null,
  logLevel: 'error',
  trustProxy: 1,
})
serveParent(server.port, () => server.close())
