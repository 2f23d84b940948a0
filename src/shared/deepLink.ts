/**
 * moim://join/<room>?server=<http(s) url> invite links: parsed by the desktop main process,
 * built by the renderer for "Copy invite link". Everything in a link is hostile until checked.
 */
import { ROOM_ID_PATTERN } from './limits'

export const DEEP_LINK_SCHEME = 'moim'
export const DEEP_LINK_MAX_LENGTH = 2048
export const SERVER_URL_MAX_LENGTH = 512

export interface DeepLinkJoin {
  room: string
  /** http(s) server URL without credentials, query or fragment; null = the app's own server. */
  server: string | null
}

export type DeepLinkResult = { ok: true; link: DeepLinkJoin } | { ok: false; error: string }

/** Validates a signaling server URL from untrusted input; returns its normalized form. */
export function normalizeServerUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; error: string } {
  if (raw.length === 0 || raw.length > SERVER_URL_MAX_LENGTH) {
    return { ok: false, error: `server URL must be 1-${SERVER_URL_MAX_LENGTH} characters` }
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, error: 'server is not a valid URL' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'server must be an http or https URL' }
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'server URL must not contain credentials' }
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, error: 'server URL must not contain a query or fragment' }
  }
  if (url.hostname === '') return { ok: false, error: 'server URL has no host' }
  const path = url.pathname.replace(/\/+$/, '')
  return { ok: true, url: url.origin + path }
}

export function parseDeepLink(raw: string): DeepLinkResult {
  if (typeof raw !== 'string' || raw.length > DEEP_LINK_MAX_LENGTH) {
    return { ok: false, error: 'link is too long' }
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, error: 'not a URL' }
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, error: 'not a moim:// link' }
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') {
    return { ok: false, error: 'unexpected parts in link' }
  }
  if (url.hostname.toLowerCase() !== 'join') return { ok: false, error: 'unknown link action' }
  const segments = url.pathname.replace(/\/$/, '').split('/').slice(1)
  if (segments.length !== 1) return { ok: false, error: 'link must name exactly one room' }
  const room = segments[0]
  if (!ROOM_ID_PATTERN.test(room)) return { ok: false, error: 'invalid room name' }

  const keys = [...url.searchParams.keys()]
  if (keys.some((key) => key !== 'server')) return { ok: false, error: 'unknown link parameter' }
  const servers = url.searchParams.getAll('server')
  if (servers.length > 1) return { ok: false, error: 'more than one server' }
  if (servers.length === 0) return { ok: true, link: { room, server: null } }
  const server = normalizeServerUrl(servers[0])
  if (!server.ok) return server
  return { ok: true, link: { room, server: server.url } }
}

export function buildDeepLink(link: DeepLinkJoin): string {
  if (!ROOM_ID_PATTERN.test(link.room)) throw new Error('invalid room name')
  const base = `${DEEP_LINK_SCHEME}://join/${link.room}`
  if (link.server === null) return base
  const server = normalizeServerUrl(link.server)
  if (!server.ok) throw new Error(server.error)
  return `${base}?server=${encodeURIComponent(server.url)}`
}
