/** Entry point of the standalone server (bundled to dist/server/moim-server.mjs). */
import { runCli } from './cli'

runCli(process.argv.slice(2), process.env).catch((err: unknown) => {
  process.stderr.write(`moim-server: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
