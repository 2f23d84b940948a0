// Runs a command so that all its network traffic stays on loopback: as root (CI) inside a
// fresh network namespace whose only interface is lo; elsewhere directly, since an unprivileged
// user cannot create one (the tests and benchmarks only use 127.0.0.1 either way).
import { spawnSync } from 'node:child_process'

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function shellQuote(word) {
  return `'${String(word).replaceAll("'", `'\\''`)}'`
}

/** True when a private network namespace can be made (root, with unshare and ip). */
export function canIsolateNetwork() {
  return (
    process.getuid?.() === 0 && has('unshare') && has('ip') && process.env.MOIM_NO_NETNS !== '1'
  )
}

/** Runs command+args to completion with inherited stdio; returns its exit status. */
export function runLoopbackOnly(command, args) {
  if (canIsolateNetwork()) {
    console.log('[loopback-only] running in a fresh network namespace (only lo is up)')
    const inner = ['ip link set lo up && exec', command, ...args.map(shellQuote)].join(' ')
    return spawnSync('unshare', ['-n', 'sh', '-c', inner], { stdio: 'inherit' }).status ?? 1
  }
  console.log(
    '[loopback-only] not root or no unshare/ip: running directly, tests use 127.0.0.1 only',
  )
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1
}

/** Runs a command in the current network; exits this process if it fails. */
export function runOrExit(command, args) {
  const status = spawnSync(command, args, { stdio: 'inherit' }).status ?? 1
  if (status !== 0) process.exit(status)
}
