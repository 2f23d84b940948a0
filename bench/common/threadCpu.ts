import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU time of every thread of the browser's processes, from /proc (Linux only), grouped by
 * process kind and thread name ("browser Chrome_IOThread", "renderer DedicatedWorker"). CDP
 * (processCpu.ts) gives whole processes; this says which part of Chromium did the work: the
 * network service moving packets, the browser process serving a File's bytes, a page's worker.
 * Both pages' renderers share a group: Chromium tells no page its process id.
 */
export type ThreadSnapshot = Map<string, { group: string; seconds: number }>

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100

/** "browser", "renderer", "gpu", "network", "audio", … from a Chromium command line. */
export function processKind(cmdline: string): string {
  const sub = /--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1]
  if (sub) return sub.split('.')[0]!
  const type = /--type=([\w-]+)/.exec(cmdline)?.[1]
  if (!type) return 'browser'
  return type === 'gpu-process' ? 'gpu' : type
}

/** A thread's name (numbers folded, so pools group) and CPU seconds from /proc/…/task/…/stat. */
export function parseTaskStat(stat: string): { name: string; seconds: number } {
  // The name may hold spaces and parentheses: it ends at the last ')'.
  const close = stat.lastIndexOf(')')
  const name = stat.slice(stat.indexOf('(') + 1, close).replace(/\d+/g, '#')
  const fields = stat.slice(close + 2).split(' ')
  // utime and stime are fields 14 and 15 of the line, 12th and 13th after the name.
  return { name, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS }
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null // gone meanwhile, or not ours to read
  }
}

/** Every thread of every process whose command line names Chromium. */
export function threadSnapshot(match = /chrom/i): ThreadSnapshot {
  const out: ThreadSnapshot = new Map()
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const cmdline = read(`/proc/${pid}/cmdline`)
    if (!cmdline || !match.test(cmdline.split('\0')[0] ?? '')) continue
    const kind = processKind(cmdline)
    let tasks: string[]
    try {
      tasks = readdirSync(`/proc/${pid}/task`)
    } catch {
      continue
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`)
      if (!stat) continue
      const { name, seconds } = parseTaskStat(stat)
      out.set(`${pid}/${tid}`, { group: `${kind} ${name}`, seconds })
    }
  }
  return out
}

/** CPU seconds per group between two snapshots (threads born meanwhile count in full). */
export function threadCpuUsed(before: ThreadSnapshot, after: ThreadSnapshot): Map<string, number> {
  const used = new Map<string, number>()
  for (const [id, now] of after) {
    const spent = Math.max(0, now.seconds - (before.get(id)?.seconds ?? 0))
    used.set(now.group, (used.get(now.group) ?? 0) + spent)
  }
  return used
}
