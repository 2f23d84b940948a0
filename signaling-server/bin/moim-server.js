#!/usr/bin/env node
// Runs the bundled server built by `npm run build:server` (dist/server/moim-server.mjs).
import { existsSync } from 'node:fs'

const bundle = new URL('../../dist/server/moim-server.mjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write(
    'moim-server: the server is not built yet. Run "npm run build:server" (or "npm run server") first.\n',
  )
  process.exit(1)
}
await import(bundle.href)
