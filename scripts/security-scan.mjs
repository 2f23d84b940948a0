#!/usr/bin/env node
/**
 * Static security scan of the Electron main process and preload with Doyensec's
 * electronegativity. Fails (exit 1) on any HIGH or CRITICAL finding that is not suppressed in
 * place with an `eng-disable CHECK_ID -- reason` comment on the flagged line.
 *
 * Offline by design: electronegativity fetches translations and Electron's release list from
 * GitHub at startup. Tests must not leave the machine, so its HTTP client (got) is replaced with
 * one that fails at once. AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK then reports "No connectivity?"
 * and checks nothing (excluding it with -x trips a bug in 1.10.3); keeping Electron current is
 * the dependency updates' job. The Electron version is passed in (-e) from the installed package
 * because the scanned folders hold no package.json.
 *
 * Usage: node scripts/security-scan.mjs [--verbose]
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const TARGETS = ['src/main', 'src/preload']
const FAILING = new Set(['HIGH', 'CRITICAL'])
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version
const verbose = process.argv.includes('--verbose')

const cli = require.resolve('@doyensec/electronegativity/dist/index.js')

/**
 * Runs the CLI in a child with got stubbed out over one folder holding all targets (global
 * checks such as LIMIT_NAVIGATION must see main and preload together); returns its findings.
 */
function scan(targets) {
  const dir = mkdtempSync(join(tmpdir(), 'moim-eng-'))
  const report = join(dir, 'report.csv')
  const input = join(dir, 'input')
  for (const target of targets) cpSync(join(root, target), join(input, target), { recursive: true })
  const offline = `
    const Module = require('module')
    const load = Module._load
    const offline = () => Promise.reject(new Error('network disabled by security-scan'))
    Module._load = function (request, ...rest) {
      if (request === 'got') return Object.assign(offline, { default: offline })
      return load.call(this, request, ...rest)
    }
    process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...process.argv.slice(1)]
    require(${JSON.stringify(cli)})
  `
  const args = ['-e', offline, '--', '-i', input, '-r', '-v', 'false', '-o', report]
  args.push('-e', electronVersion)
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' },
    timeout: 120_000,
  })
  try {
    if (run.status !== 0 || run.error) {
      throw new Error(
        `electronegativity failed (exit ${run.status}): ${run.error ?? ''}\n${run.stdout}\n${run.stderr}`,
      )
    }
    if (verbose) process.stdout.write(run.stdout)
    return parseCsv(readFileSync(report, 'utf8')).map((row) => ({
      check: row[0],
      severity: row[1],
      confidence: row[2],
      file: row[3] === 'N/A' ? '(global)' : row[3],
      location: row[4],
      sample: row[5],
    }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Minimal RFC 4180 CSV reader (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field.trim())
      field = ''
    } else if (c === '\n') {
      row.push(field.trim())
      rows.push(row)
      row = []
      field = ''
    } else if (c !== '\r') field += c
  }
  if (field !== '' || row.length) rows.push([...row, field.trim()])
  return rows.slice(1).filter((r) => r.length > 1)
}

const findings = scan(TARGETS)
const failing = findings.filter((f) => FAILING.has(f.severity))
for (const f of findings) {
  const mark = FAILING.has(f.severity) ? 'FAIL' : 'note'
  console.log(
    `${mark}  ${f.severity.padEnd(8)} ${f.check.padEnd(34)} ${f.file}:${f.location}  ${f.sample}`,
  )
}
console.log(
  `security-scan: electronegativity over ${TARGETS.join(', ')}: ${findings.length} finding(s), ` +
    `${failing.length} high/critical`,
)
if (failing.length) {
  console.error(
    'security-scan: fix the findings above, or, if one is a false positive, add ' +
      '`// eng-disable CHECK_ID -- why it is safe` on the flagged line.',
  )
  process.exitCode = 1
}
