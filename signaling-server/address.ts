/**
 * Client addresses: which one to believe behind proxies, and how to group them so limits per
 * address cannot be escaped by rotating through an IPv6 prefix.
 */
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** "::ffff:1.2.3.4" -> "1.2.3.4"; other values unchanged. */
export function unmapAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1] : address
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const plain = unmapAddress(address)
  return plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain)
}

/**
 * The client address as seen through `trustedHops` proxies that each append the address they
 * received from to X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`, or one proxy setting
 * `$remote_addr`). Counting from the right skips exactly the entries our own proxies wrote;
 * anything further left was written by the client and is never trusted. With fewer entries
 * than hops the left-most one is used (the request came through fewer proxies).
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const direct = unmapAddress(req.socket.remoteAddress ?? 'unknown')
  if (trustedHops <= 0) return direct
  const header = req.headers['x-forwarded-for']
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  if (entries.length === 0) return direct
  const candidate = entries[Math.max(0, entries.length - trustedHops)]
  const plain = unmapAddress(candidate)
  return isIP(plain) ? plain : direct
}

/**
 * The key that limits (lockout, connections, message rates) count by: the IPv4 address, or
 * the /64 prefix of an IPv6 address, since one subscriber usually holds a whole /64.
 */
export function addressKey(address: string): string {
  const plain = unmapAddress(address)
  if (isIP(plain) !== 6 || plain === '::1') return plain
  const [head, tail = ''] = plain.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  const groups = plain.includes('::') ? [...left, ...Array(missing).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`
}
