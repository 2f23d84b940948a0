/**
 * moim://join/<room>?server=<http(s) url>&key=<room key> invite links: parsed by the desktop
 * main process, built by the renderer for "Copy invite link". The room is percent-encoded
 * UTF-8 (moim://join/%EA%B8%88%EC%9A%94%EC%9D%BC is 금요일). Everything in a link is hostile
 * until checked.
 */
import { ROOM_ID_PATTERN, ROOM_KEY_PATTERN } from './limits'
import { normalizeRoomId } from './text'

export const DEEP_LINK_SCHEME = 'moim'
export const DEEP_LINK_MAX_LENGTH = 2048
export const SERVER_URL_MAX_LENGTH = 512

export interface DeepLinkJoin {
  room: string
  /** http(s) server URL without credentials, query or fragment; null = the app's own server. */
  server: string | null
  /** Room key of an invite-only room (present only when the link has one). */
  key?: string
  /**
   * base64url SHA-256 of the server's self-signed certificate (a call hosted by the desktop
   * app): the app accepts that certificate, and only that one, for the link's server host.
   */
  cert?: string
}

const CERT_PIN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** The room of a link's path segment: percent-decoded, NFC; null when it is not a room id. */
function decodeRoom(segment: string): string | null {
  let room: string
  try {
    room = normalizeRoomId(decodeURIComponent(segment))
  } catch {
    return null
  }
  return ROOM_ID_PATTERN.test(room) ? room : null
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
  const room = decodeRoom(segments[0])
  if (room === null) return { ok: false, error: 'invalid room name' }

  const names = [...url.searchParams.keys()]
  if (names.some((name) => name !== 'server' && name !== 'key' && name !== 'cert')) {
    return { ok: false, error: 'unknown link parameter' }
  }
  const keys = url.searchParams.getAll('key')
  if (keys.length > 1) return { ok: false, error: 'more than one key' }
  if (keys.length === 1 && !ROOM_KEY_PATTERN.test(keys[0])) {
    return { ok: false, error: 'invalid room key' }
  }
  const certs = url.searchParams.getAll('cert')
  if (certs.length > 1 || (certs.length === 1 && !CERT_PIN_PATTERN.test(certs[0]))) {
    return { ok: false, error: 'invalid certificate pin' }
  }
  const extras = {
    ...(keys.length === 1 ? { key: keys[0] } : {}),
    ...(certs.length === 1 ? { cert: certs[0] } : {}),
  }
  const servers = url.searchParams.getAll('server')
  if (servers.length > 1) return { ok: false, error: 'more than one server' }
  if (servers.length === 0) {
    if (certs.length > 0) return { ok: false, error: 'a certificate pin needs a server' }
    return { ok: true, link: { room, server: null, ...extras } }
  }
  const server = normalizeServerUrl(servers[0])
  if (!server.ok) return server
  if (certs.length > 0 && !server.url.startsWith('https:')) {
    return { ok: false, error: 'a certificate pin needs an https server' }
  }
  return { ok: true, link: { room, server: server.url, ...extras } }
}

export function buildDeepLink(link: DeepLinkJoin): string {
  if (!ROOM_ID_PATTERN.test(link.room)) throw new Error('invalid room name')
  const base = `${DEEP_LINK_SCHEME}://join/${encodeURIComponent(link.room)}`
  const params = new URLSearchParams()
  if (link.server !== null) {
    const server = normalizeServerUrl(link.server)
    if (!server.ok) throw new Error(server.error)
    params.set('server', server.url)
  }
  if (link.key !== undefined) {
    if (!ROOM_KEY_PATTERN.test(link.key)) throw new Error('invalid room key')
    params.set('key', link.key)
  }
  if (link.cert !== undefined) {
    if (!CERT_PIN_PATTERN.test(link.cert)) throw new Error('invalid certificate pin')
    params.set('cert', link.cert)
  }
  const query = params.toString()
  return query ? `${base}?${query}` : base
}
