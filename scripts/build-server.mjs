// Bundles the signaling server with esbuild: dist/server/moim-server.mjs (the CLI behind
// `moim-server` and `npm run server`) and dist/server/utility-entry.mjs (the desktop app's
// utilityProcess entry). Dependencies stay external and load from node_modules.
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
export const SERVER_BUNDLE = join(root, 'dist', 'server', 'moim-server.mjs')
export const UTILITY_BUNDLE = join(root, 'dist', 'server', 'utility-entry.mjs')

/** Newest modification time of the files under `dirs` (recursively) and of `files`. */
export function newestMtime(dirs, files = []) {
  let newest = 0
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry))
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const p of [...dirs, ...files]) visit(p)
  return newest
}

/** True when `output` is missing or older than any of its inputs. */
export function isStale(output, dirs, files = []) {
  const out = statSync(output, { throwIfNoEntry: false })
  return !out || out.mtimeMs < newestMtime(dirs, files)
}

export async function buildServer() {
  await build({
    entryPoints: {
      'moim-server': join(root, 'signaling-server', 'index.ts'),
      'utility-entry': join(root, 'signaling-server', 'utilityEntry.ts'),
    },
    outdir: join(root, 'dist', 'server'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

/** Builds the server bundle unless it is newer than every server and shared source file. */
export async function ensureServerBuilt() {
  const inputs = [join(root, 'signaling-server'), join(root, 'src', 'shared')]
  if (isStale(SERVER_BUNDLE, inputs) || isStale(UTILITY_BUNDLE, inputs)) {
    process.stderr.write('Building the signaling server (dist/server)...\n')
    await buildServer()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer()
  process.stderr.write(`Built ${SERVER_BUNDLE}\n`)
}
