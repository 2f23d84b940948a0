/** Child process: the real Moim signaling server (validation, rate limiting, metrics all on). */
import { startServer } from '../../signaling-server/start'
import { serveParent } from './childProtocol'

const server = await startServer({ port: 0, host: '127.0.0.1', webRoot: null, logLevel: 'warn' })
serveParent(server.port, () => server.close())
