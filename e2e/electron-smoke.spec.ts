/**
 * Smoke test of the real desktop app through Playwright's Electron driver: the window opens
 * from app://moim, the renderer is isolated and sandboxed, window.moim is the only bridge, the
 * bundled signaling server answers, and navigation away from the app is blocked.
 *
 * Electron's runtime binary cannot be downloaded on every machine (CI here has none). The test
 * then SKIPS with the reason printed; set ELECTRON_PATH to an Electron binary to run it anyway.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MoimDesktopApi } from '../src/preload/index.d'

/** What the specs read from the page's global scope (this file is typed without the DOM). */
interface PageGlobals {
  moim?: MoimDesktopApi
  require?: unknown
  process?: unknown
  location: { href: string }
}

const root = resolve(import.meta.dirname, '..')

/** The Electron binary, without triggering electron's lazy download (which needs the network). */
function findElectronBinary(): { path: string | null; reason: string } {
  const fromEnv = process.env.ELECTRON_PATH
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv, reason: '' }
      : { path: null, reason: `ELECTRON_PATH=${fromEnv} does not exist` }
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        'no Electron binary: node_modules/electron/dist is not downloaded and ELECTRON_PATH is not set',
    }
  }
  const binary = join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  )
  return existsSync(binary)
    ? { path: binary, reason: '' }
    : { path: null, reason: `Electron binary ${binary} is missing` }
}

const electronBinary = findElectronBinary()
if (!electronBinary.path) {
  console.warn(`[electron-smoke] SKIPPED: ${electronBinary.reason}`)
}

describe.skipIf(!electronBinary.path)('Electron desktop app (smoke)', () => {
  let app: ElectronApplication
  let page: Page

  beforeAll(async () => {
    const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    })
    expect(build.status).toBe(0)
    // No dev-server URL: the app must load its own app:// build.
    const env: Record<string, string | undefined> = { ...process.env }
    delete env.ELECTRON_RENDERER_URL
    delete env.ELECTRON_RUN_AS_NODE
    app = await electron.launch({
      executablePath: electronBinary.path ?? undefined,
      // Chromium refuses to start as root with its sandbox; CI runs as root.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      env: Object.fromEntries(
        Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      timeout: 60_000,
    })
    page = await app.firstWindow()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('opens the lobby from app://moim', async () => {
    await page.getByRole('heading', { name: 'Moim' }).first().waitFor()
    expect(page.url()).toMatch(/^app:\/\/moim\//)
  })

  it('runs the renderer isolated, with no Node and only the frozen window.moim bridge', async () => {
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      const api = g.moim as unknown as Record<string, unknown> | undefined
      let bridgeWritable = false
      try {
        if (api) api.platform = 'tampered'
        bridgeWritable = api?.platform === 'tampered'
      } catch {
        bridgeWritable = false
      }
      return {
        moim: typeof g.moim,
        require: typeof g.require,
        process: typeof g.process,
        bridgeWritable,
        keys: Object.keys(api ?? {}).sort(),
      }
    })
    expect(globals).toEqual({
      moim: 'object',
      require: 'undefined',
      process: 'undefined',
      bridgeWritable: false,
      keys: [
        'call',
        'getHostInfo',
        'media',
        'notify',
        'onDeepLink',
        'openExternal',
        'platform',
        'screenShare',
        'setHosting',
      ],
    })
  })

  it('hosts the bundled signaling server on a loopback URL', async () => {
    const info = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).moim?.getHostInfo(),
    )
    expect(info?.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // Not in a call: nothing listens beyond loopback.
    expect(info?.hosting).toBe(false)
    expect(info?.lanUrls).toEqual([])
  })

  it('blocks navigation away from the app', async () => {
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).location.href = 'http://127.0.0.1:9/not-the-app'
    })
    await page.getByRole('heading', { name: 'Moim' }).first().waitFor()
    expect(page.url()).toMatch(/^app:\/\/moim\//)
  })
})

describe.runIf(!electronBinary.path)('Electron desktop app (smoke)', () => {
  it.skip(`SKIPPED — ${electronBinary.reason}`, () => undefined)
})
