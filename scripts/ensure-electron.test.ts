/**
 * The `npm start` path on a fresh clone: node_modules/electron has no path.txt (Electron 42+
 * downloads its binary lazily), so the start script must run Electron's installer before
 * electron-vite, which reads path.txt and throws "Electron uninstall" without it. Runs the real
 * `start` script line from package.json in a throwaway project whose Electron installer and
 * electron-vite are fakes (no network).
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { failureReason, installFailureMessage } from './ensure-electron.mjs'

const root = resolve(import.meta.dirname, '..')
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>
const VERSION = '45.4.1'

/** What electron/install.js prints when it cannot reach GitHub (seen on this machine). */
const OFFLINE_OUTPUT = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)`

const INSTALLERS = {
  // Extracts a "binary" the way electron/install.js does: dist/, dist/version, then path.txt.
  working: `
    const fs = require('fs'), path = require('path')
    fs.appendFileSync(path.join(__dirname, 'installer-runs'), 'x')
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n')
    fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v${VERSION}')
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')
  `,
  offline: `
    require('fs').appendFileSync(require('path').join(__dirname, 'installer-runs'), 'x')
    console.error(${JSON.stringify(OFFLINE_OUTPUT)})
    process.exit(1)
  `,
}

// electron-vite 6's getElectronPath(): path.txt or "Electron uninstall".
const FAKE_ELECTRON_VITE = `#!/usr/bin/env node
const fs = require('fs'), path = require('path')
const dir = path.join(process.cwd(), 'node_modules', 'electron')
if (!fs.existsSync(path.join(dir, 'path.txt'))) {
  console.error('Error: Electron uninstall')
  process.exit(1)
}
console.log('electron-vite ' + process.argv.slice(2).join(' ') + ' with ' + fs.readFileSync(path.join(dir, 'path.txt'), 'utf8'))
`

const projects: string[] = []

function fakeProject(installer: keyof typeof INSTALLERS): string {
  const dir = mkdtempSync(join(tmpdir(), 'moim-start-'))
  projects.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fresh-clone', scripts }))
  mkdirSync(join(dir, 'scripts'))
  copyFileSync(join(root, 'scripts/ensure-electron.mjs'), join(dir, 'scripts/ensure-electron.mjs'))
  const electron = join(dir, 'node_modules', 'electron')
  mkdirSync(electron, { recursive: true })
  writeFileSync(
    join(electron, 'package.json'),
    JSON.stringify({
      name: 'electron',
      version: VERSION,
      bin: { electron: 'cli.js', 'install-electron': 'install.js' },
    }),
  )
  writeFileSync(join(electron, 'install.js'), INSTALLERS[installer])
  const bin = join(dir, 'node_modules', '.bin')
  mkdirSync(bin)
  writeFileSync(join(bin, 'electron-vite'), FAKE_ELECTRON_VITE)
  chmodSync(join(bin, 'electron-vite'), 0o755)
  return dir
}

/** Runs a package.json script line the way npm does: sh -c, with node_modules/.bin on PATH. */
function runScript(dir: string, name: string, env: Record<string, string> = {}) {
  const baseEnv: Record<string, string | undefined> = { ...process.env }
  delete baseEnv.ELECTRON_EXEC_PATH
  delete baseEnv.ELECTRON_MIRROR
  delete baseEnv.MOIM_VERBOSE
  const result = spawnSync('sh', ['-c', scripts[name]], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...baseEnv,
      ...env,
      PATH: `${join(dir, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`,
    },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function installerRuns(dir: string): number {
  const file = join(dir, 'node_modules', 'electron', 'installer-runs')
  return existsSync(file) ? readFileSync(file, 'utf8').length : 0
}

afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('npm start on a fresh clone (path.txt missing)', () => {
  it('runs the Electron installer, then electron-vite finds the binary', () => {
    const dir = fakeProject('working')
    expect(existsSync(join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false)
    const run = runScript(dir, 'start')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Downloading Electron ${VERSION} (about 100 MB`)
    expect(run.stdout).toContain('electron-vite dev with electron')
    expect(installerRuns(dir)).toBe(1)
  })

  it('downloads once: the next start does not run the installer again', () => {
    const dir = fakeProject('working')
    expect(runScript(dir, 'start').status).toBe(0)
    const second = runScript(dir, 'start')
    expect(second.status).toBe(0)
    expect(second.stdout).not.toContain('Downloading')
    expect(installerRuns(dir)).toBe(1)
  })

  it('dev and dist install Electron first as well', () => {
    for (const script of ['dev', 'dist']) {
      expect(scripts[script]).toMatch(/^node scripts\/ensure-electron\.mjs && /)
    }
    expect(scripts.postinstall).toBeUndefined()
  })

  it('offline: one clear line instead of a stack trace, and electron-vite never runs', () => {
    const dir = fakeProject('offline')
    const run = runScript(dir, 'start')
    expect(run.status).toBe(1)
    expect(run.stdout).not.toContain('electron-vite')
    const lines = run.stderr.split('\n').filter((line) => line.trim() !== '')
    expect(lines).toEqual([installFailureMessage(VERSION, 'fetch failed', {})])
    expect(lines[0]).toContain(`Could not download Electron ${VERSION} (fetch failed)`)
    expect(lines[0]).toContain('ELECTRON_MIRROR=')
    expect(lines[0]).toContain('`npm run web`')
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })

  it('offline with a mirror set: says the mirror failed too', () => {
    const dir = fakeProject('offline')
    const run = runScript(dir, 'start', { ELECTRON_MIRROR: 'https://mirror.invalid/electron/' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toContain(
      'ELECTRON_MIRROR=https://mirror.invalid/electron/ did not work either',
    )
  })

  it('ELECTRON_EXEC_PATH (a binary of your own) skips the download', () => {
    const dir = fakeProject('offline')
    const run = runScript(dir, 'start', { ELECTRON_EXEC_PATH: '/opt/electron/electron' })
    expect(installerRuns(dir)).toBe(0)
    // The fake electron-vite ignores ELECTRON_EXEC_PATH, unlike the real one.
    expect(run.stderr).toContain('Electron uninstall')
  })
})

describe('failureReason', () => {
  it('takes the error line of the installer output', () => {
    expect(failureReason(OFFLINE_OUTPUT, 1)).toBe('fetch failed')
    expect(
      failureReason(
        'HTTPError: Response code 404 (Not Found) for https://x/electron.zip\n    at x',
        1,
      ),
    ).toBe('Response code 404 (Not Found) for https://x/electron.zip')
    expect(failureReason('', 7)).toBe('the installer exited with code 7')
  })
})
