/**
 * Invite links. Passwords are never put in links: friends get them another way.
 */
export interface InviteLink {
  /** Which kind of link, for the label: a browser URL, a moim:// app link, or a LAN address. */
  kind: 'web' | 'app' | 'lan'
  url: string
  /** For LAN links: host:port shown to the user so they can pick the right network. */
  address?: string
}

/** The web client's own page URL with only `?room=` kept (drops lang and anything else). */
export function buildWebInviteUrl(pageUrl: string, room: string): string {
  const url = new URL(pageUrl)
  url.search = ''
  url.hash = ''
  url.searchParams.set('room', room)
  return url.toString()
}

/** `moim://join/<room>?server=<origin>`: opens the desktop app straight into the lobby. */
export function buildAppInviteUrl(room: string, serverUrl: string | null): string {
  const base = `moim://join/${encodeURIComponent(room)}`
  return serverUrl ? `${base}?server=${encodeURIComponent(serverUrl)}` : base
}

function serverPageUrl(serverUrl: string, room: string): string {
  const url = new URL(serverUrl)
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  return buildWebInviteUrl(url.toString(), room)
}

export interface InviteContext {
  room: string
  /** The page URL in the web client; ignored on desktop. */
  pageUrl: string
  desktop: boolean
  /** Desktop: the server this call uses (null when unknown). */
  serverUrl: string | null
  /** Desktop, hosting: URLs of the bundled server reachable on the local network. */
  lanUrls: readonly string[]
}

/**
 * The links to offer. Web client: the page URL. Desktop hosting: one web link per LAN address
 * (a browser reaches the bundled server's web client) plus the app link for the first address.
 * Desktop on a remote server: that server's web client URL plus the app link.
 */
export function buildInviteLinks(context: InviteContext): InviteLink[] {
  const { room } = context
  if (!context.desktop) return [{ kind: 'web', url: buildWebInviteUrl(context.pageUrl, room) }]
  const links: InviteLink[] = []
  if (context.lanUrls.length > 0) {
    for (const lan of context.lanUrls) {
      links.push({ kind: 'lan', url: serverPageUrl(lan, room), address: new URL(lan).host })
    }
    links.push({ kind: 'app', url: buildAppInviteUrl(room, context.lanUrls[0]) })
    return links
  }
  if (context.serverUrl && !isLoopback(context.serverUrl)) {
    links.push({ kind: 'web', url: serverPageUrl(context.serverUrl, room) })
    links.push({ kind: 'app', url: buildAppInviteUrl(room, context.serverUrl) })
    return links
  }
  links.push({ kind: 'app', url: buildAppInviteUrl(room, null) })
  return links
}

function isLoopback(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.')
}
