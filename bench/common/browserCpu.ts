/**
 * CPU time (user + system) of every Chromium process on the machine, read from /proc: the bench's
 * browser, its renderers, GPU and network processes. Sampled around a transfer it tells how much
 * CPU each byte costs, which decides the rate when both peers share a machine's few cores.
 * Linux only; elsewhere it reports null.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100

/** Fields 14 and 15 of /proc/PID/stat, after the ")" that ends the command name. */
export function cpuTicksOf(stat: string): { command: string; ticks: number } | null {
  const open = stat.indexOf('(')
  const close = stat.lastIndexOf(')')
  if (open < 0 || close < open) return null
  const fields = stat.slice(close + 2).split(' ')
  const user = Number(fields[11])
  const system = Number(fields[12])
  if (!Number.isFinite(user) || !Number.isFinite(system)) return null
  return { command: stat.slice(open + 1, close), ticks: user + system }
}

export function chromiumCpuMs(): number | null {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return null
  }
  let ticks = 0
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    const parsed = cpuTicksOf(stat)
    if (parsed && /^(chromium|chrome)/.test(parsed.command)) ticks += parsed.ticks
  }
  return (ticks * 1000) / TICKS_PER_SECOND
}
