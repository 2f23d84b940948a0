// `npm run server [-- --flags]`: build the signaling server if its sources changed, then run it.
import { pathToFileURL } from 'node:url'
import { SERVER_BUNDLE, ensureServerBuilt } from './build-server.mjs'

await ensureServerBuilt()
await import(pathToFileURL(SERVER_BUNDLE).href)
