/**
 * Which pages count as "the app itself". Permissions, IPC and navigation all ask this one
 * policy, so there is exactly one definition of trust.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'moim'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export interface OriginPolicy {
  /** URL the main window loads. */
  readonly entryUrl: string
  /** True when `url` (a full URL or a bare origin) belongs to the app's own pages. */
  isTrusted(url: string | null | undefined): boolean
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * @param devServerUrl electron-vite's dev server (ELECTRON_RENDERER_URL), trusted only in
 *   development and only when it is a loopback http URL.
 */
export function createOriginPolicy(devServerUrl?: string): OriginPolicy {
  const dev = devServerUrl ? parse(devServerUrl) : null
  const devOrigin =
    dev && dev.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)
      ? dev.origin
      : null
  if (devServerUrl && !devOrigin) {
    throw new Error(`ELECTRON_RENDERER_URL must be a loopback http URL, got ${devServerUrl}`)
  }
  return {
    entryUrl: devOrigin && dev ? dev.href : APP_ENTRY_URL,
    isTrusted(url) {
      if (!url) return false
      const parsed = parse(url)
      if (!parsed || parsed.username !== '' || parsed.password !== '') return false
      // Custom schemes have an opaque WHATWG origin ("null"), so compare scheme and host.
      if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
      return devOrigin !== null && parsed.origin === devOrigin
    },
  }
}
