#!/usr/bin/env node
// Runs before `npm start`, `npm run dev` and `npm run dist`: makes sure Electron's runtime
// binary is on this machine. Electron 42+ no longer downloads it at `npm install` (so `npm ci`
// works offline, as in CI); its own installer (`install-electron`, i.e. electron/install.js)
// downloads it on demand. electron-vite reads node_modules/electron/path.txt directly and fails
// with "Electron uninstall" when it is missing, so the installer must run first.
//
// Already installed: returns at once without starting the installer. Download impossible: one
// line saying what failed, how to use ELECTRON_MIRROR, and that `npm run web` needs no Electron;
// the installer's stack trace is shown only with MOIM_VERBOSE=1.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const MIRROR_EXAMPLE = 'https://npmmirror.com/mirrors/electron/'
const PROGRESS_EVERY_MS = 15_000

/** node_modules/electron of the project in `cwd`, with its version and installer script. */
export function findElectronPackage(cwd = process.cwd()) {
  const require = createRequire(join(cwd, 'package.json'))
  const manifestPath = require.resolve('electron/package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const dir = dirname(manifestPath)
  const installer = manifest.bin?.['install-electron'] ?? 'install.js'
  return { dir, version: manifest.version, installer: join(dir, installer) }
}

/** The same test Electron's installer and electron-vite apply: path.txt names an existing binary. */
export function isElectronInstalled(dir, version) {
  try {
    const binary = readFileSync(join(dir, 'path.txt'), 'utf8').trim()
    if (binary === '' || !existsSync(join(dir, 'dist', binary))) return false
    const installed = readFileSync(join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '')
    return installed === version
  } catch {
    return false
  }
}

/** The error line of the installer's output ("fetch failed", "Response code 404 ..."). */
export function failureReason(output, exitCode) {
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s*(?:\w*Error|Error)(?: \[\w+\])?: (.+)$/.exec(line)
    if (match) return match[1].trim()
  }
  const first = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '))
  return first ?? `the installer exited with code ${exitCode}`
}

/** One line, no stack trace: what failed and the two ways forward. */
export function installFailureMessage(version, reason, env = process.env) {
  const mirror = env.ELECTRON_MIRROR
    ? `ELECTRON_MIRROR=${env.ELECTRON_MIRROR} did not work either; try another mirror`
    : `if GitHub is blocked, set ELECTRON_MIRROR (e.g. ELECTRON_MIRROR=${MIRROR_EXAMPLE}) and run it again`
  return (
    `Could not download Electron ${version} (${reason}): check your connection, or ${mirror}; ` +
    '`npm run web` runs Moim in your browser without Electron.'
  )
}

function runInstaller(installer, { verbose }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], {
      stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: process.env,
    })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ code: 1, output: `Error: ${error.message}` }))
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** Returns the process exit code: 0 when Electron is ready to run. */
export async function ensureElectron({ cwd = process.cwd(), env = process.env, log, warn } = {}) {
  const say = log ?? ((line) => process.stdout.write(`${line}\n`))
  const fail = warn ?? ((line) => process.stderr.write(`${line}\n`))
  // electron-vite uses this binary as is; nothing to download.
  if (env.ELECTRON_EXEC_PATH) return 0
  let electron
  try {
    electron = findElectronPackage(cwd)
  } catch {
    fail('Electron is not installed in node_modules: run `npm install` first.')
    return 1
  }
  if (isElectronInstalled(electron.dir, electron.version)) return 0

  say(`Downloading Electron ${electron.version} (about 100 MB, only on the first start)…`)
  const started = Date.now()
  const ticker = setInterval(() => {
    say(`  still downloading Electron (${Math.round((Date.now() - started) / 1000)} s)…`)
  }, PROGRESS_EVERY_MS)
  const result = await runInstaller(electron.installer, { verbose: env.MOIM_VERBOSE === '1' })
  clearInterval(ticker)

  if (result.code === 0 && isElectronInstalled(electron.dir, electron.version)) {
    say(`Electron ${electron.version} is installed.`)
    return 0
  }
  const reason =
    result.code === 0
      ? 'the installer finished but left no Electron binary'
      : failureReason(result.output, result.code)
  fail(installFailureMessage(electron.version, reason, env))
  return 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await ensureElectron()
}
