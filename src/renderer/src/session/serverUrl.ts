/**
 * Where to find the signaling server: the desktop app's own bundled server, else the page's
 * origin (the web client is served by the signaling server itself).
 */
export async function resolveServerUrl(): Promise<string> {
  const desktop = typeof window !== 'undefined' ? window.moim : undefined
  if (desktop) {
    const info = await desktop.getHostInfo()
    if (info) return info.serverUrl
  }
  if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) return location.origin
  throw new Error(
    'No signaling server: the bundled server is not running and this page has no http origin.',
  )
}
