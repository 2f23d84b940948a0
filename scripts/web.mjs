// `npm run web`: build the web client (dist/web) if it is missing or older than its sources,
// build the server if needed, then serve the client from the signaling server on
// http://127.0.0.1:4477 (PORT and HOST override).
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SERVER_BUNDLE, ensureServerBuilt, isStale } from './build-server.mjs'

const root = resolve(import.meta.dirname, '..')
const webRoot = join(root, 'dist', 'web')
const clientInputs = [join(root, 'src', 'renderer'), join(root, 'src', 'shared')]
const clientConfig = [join(root, 'vite.web.config.ts'), join(root, 'package.json')]

if (isStale(join(webRoot, 'index.html'), clientInputs, clientConfig)) {
  process.stderr.write('Building the web client (dist/web)...\n')
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.web.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    process.stderr.write('The web client build failed; see the output above.\n')
    process.exit(result.status ?? 1)
  }
}
await ensureServerBuilt()

process.env.MOIM_WEB_ROOT = webRoot
process.env.PORT ??= '4477'
process.env.HOST ??= '127.0.0.1'
await import(pathToFileURL(SERVER_BUNDLE).href)
