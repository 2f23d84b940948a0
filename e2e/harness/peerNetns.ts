/**
 * A second network namespace for one browser, joined to the test's own namespace by a veth
 * pair, so the network between two peers can be cut (link down) and healed (link up) while
 * everything else keeps running. Both namespaces exist only for the test (the E2E runner's
 * loopback-only namespace and one made here), the addresses are private to the pair, and
 * nothing is routed anywhere else: no packet leaves the test.
 *
 * Needs root, unshare, nsenter and ip, and refuses to run unless the current namespace has no
 * interface but lo (that is, it is the runner's private namespace and not the machine's).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_PATH } from './browser'

export const HOST_ADDRESS = '10.213.0.1'
export const PEER_ADDRESS = '10.213.0.2'
const HOST_LINK = 'moim-host'
const PEER_LINK = 'moim-peer'

export interface PeerNetns {
  /** A Chromium "binary" that runs the real one inside the peer namespace. */
  chromiumPath: string
  /** Takes the link down: every packet between the namespaces is lost until heal(). */
  cut(): void
  heal(): void
  close(): void
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** Why a peer namespace cannot be made here, or null when it can. */
export function peerNetnsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root (network namespaces need CAP_NET_ADMIN)'
  for (const command of ['unshare', 'nsenter', 'ip'])
    if (!has(command)) return `no ${command} on this machine`
  const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() !== '')
    // Our own veth end from an earlier test (createPeerNetns removes it before starting over).
    .filter((line) => !line.includes(`: ${HOST_LINK}@`))
  if (links.length !== 1 || !/: lo:/.test(links[0] ?? ''))
    return 'not inside a loopback-only namespace (run through npm run test:e2e as root)'
  return null
}

function ip(args: string[], netnsPid?: number): void {
  const command = netnsPid
    ? ['nsenter', `--net=/proc/${netnsPid}/ns/net`, 'ip', ...args]
    : ['ip', ...args]
  execFileSync(command[0] as string, command.slice(1), { stdio: 'pipe' })
}

/** Deletes our veth pair (deleting one end deletes both), if there is one. */
function removeHostLink(): void {
  spawnSync('ip', ['link', 'del', HOST_LINK], { stdio: 'ignore' })
}

export async function createPeerNetns(): Promise<PeerNetns> {
  const why = peerNetnsUnavailable()
  if (why) throw new Error(`cannot make a peer network namespace: ${why}`)
  removeHostLink()
  const holder: ChildProcess = spawn('unshare', ['-n', 'sleep', 'infinity'], { stdio: 'ignore' })
  const pid = holder.pid
  if (!pid) throw new Error('unshare did not start')
  const own = readlinkSync('/proc/self/ns/net')
  // unshare makes the namespace, then execs sleep: wait until the child is in it.
  for (let i = 0; readlinkSync(`/proc/${pid}/ns/net`) === own; i++) {
    if (i > 200) throw new Error('the peer namespace did not appear')
    await new Promise((done) => setTimeout(done, 10))
  }
  const dir = mkdtempSync(join(tmpdir(), 'moim-netns-'))
  try {
    ip(['link', 'add', HOST_LINK, 'type', 'veth', 'peer', 'name', PEER_LINK, 'netns', String(pid)])
    ip(['addr', 'add', `${HOST_ADDRESS}/30`, 'dev', HOST_LINK])
    ip(['link', 'set', HOST_LINK, 'up'])
    ip(['link', 'set', 'lo', 'up'], pid)
    ip(['addr', 'add', `${PEER_ADDRESS}/30`, 'dev', PEER_LINK], pid)
    ip(['link', 'set', PEER_LINK, 'up'], pid)
  } catch (error) {
    holder.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const chromiumPath = join(dir, 'chromium-in-peer-netns')
  writeFileSync(
    chromiumPath,
    `#!/bin/sh\nexec nsenter --net=/proc/${pid}/ns/net ${CHROMIUM_PATH} "$@"\n`,
  )
  chmodSync(chromiumPath, 0o755)
  return {
    chromiumPath,
    cut: () => ip(['link', 'set', HOST_LINK, 'down']),
    heal: () => ip(['link', 'set', HOST_LINK, 'up']),
    close() {
      // Both ends at once, now: the namespace (and the pair with it) would only go once its
      // last process is gone, and a browser in it may still be closing when the next test starts.
      removeHostLink()
      holder.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
