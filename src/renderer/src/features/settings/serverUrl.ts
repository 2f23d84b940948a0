export type ServerUrlResult = { ok: true; url: string } | { ok: false }

/**
 * Validates a user-typed signaling server address: http or https only, no embedded credentials,
 * returned as the origin plus path without a trailing slash ("https://moim.example.com").
 */
export function parseServerUrl(input: string): ServerUrlResult {
  const text = input.trim()
  if (text === '') return { ok: false }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false }
  if (url.username !== '' || url.password !== '' || url.hostname === '') return { ok: false }
  const path = url.pathname.replace(/\/+$/, '')
  return { ok: true, url: `${url.origin}${path}` }
}
