/**
 * Invite links. Passwords are never put in links: friends get them another way. A room key
 * (invite-only rooms: the desktop app's hosted calls) is: in the web link it sits in the
 * fragment (`#key=`), which browsers never send to a server or put in a Referer.
 */
export interface InviteLink {
  /** Which kind of link, for the label: a browser URL, a moim:// app link, or a LAN address. */
  kind: 'web' | 'app' | 'lan'
  url: string
  /** For LAN links: host:port shown to the user so they can pick the right network. */
  address?: string
}

/**
 * The web client's own page URL with only `?room=` kept (drops lang and anything else), plus
 * `#key=` for an invite-only room. The room is percent-encoded (금요일 -> %EA%B8%88...).
 */
export function buildWebInviteUrl(pageUrl: string, room: string, key?: string | null): string {
  const url = new URL(pageUrl)
  url.search = ''
  url.hash = ''
  url.searchParams.set('room', room)
  if (key) url.hash = `key=${key}`
  return url.toString()
}

/**
 * `moim://join/<room>?server=<origin>&key=<key>&cert=<pin>`: opens the desktop app into the
 * lobby. `cert` pins the hosting app's self-signed certificate for that server.
 */
export function buildAppInviteUrl(
  room: string,
  serverUrl: string | null,
  key?: string | null,
  cert?: string | null,
): string {
  const params = new URLSearchParams()
  if (serverUrl) params.set('server', serverUrl)
  if (key) params.set('key', key)
  if (serverUrl && cert) params.set('cert', cert)
  const query = params.toString()
  return `moim://join/${encodeURIComponent(room)}${query ? `?${query}` : ''}`
}

function serverPageUrl(serverUrl: string, room: string, key: string | null): string {
  const url = new URL(serverUrl)
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  return buildWebInviteUrl(url.toString(), room, key)
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
  /** The room key of an invite-only room (from the join ack), or null. */
  key?: string | null
  /** Desktop, hosting: the pin of the app's own certificate, for the app link. */
  certificatePin?: string | null
}

/**
 * The links to offer. Web client: the page URL. Desktop hosting: one web link per LAN address
 * (a browser reaches the bundled server's web client) plus the app link for the first address.
 * Desktop on a remote server: that server's web client URL plus the app link.
 */
export function buildInviteLinks(context: InviteContext): InviteLink[] {
  const { room } = context
  const key = context.key ?? null
  if (!context.desktop) {
    return [{ kind: 'web', url: buildWebInviteUrl(context.pageUrl, room, key) }]
  }
  const links: InviteLink[] = []
  if (context.lanUrls.length > 0) {
    for (const lan of context.lanUrls) {
      links.push({ kind: 'lan', url: serverPageUrl(lan, room, key), address: new URL(lan).host })
    }
    const pin = context.certificatePin ?? null
    links.push({ kind: 'app', url: buildAppInviteUrl(room, context.lanUrls[0], key, pin) })
    return links
  }
  if (context.serverUrl && !isLoopback(context.serverUrl)) {
    links.push({ kind: 'web', url: serverPageUrl(context.serverUrl, room, key) })
    links.push({ kind: 'app', url: buildAppInviteUrl(room, context.serverUrl, key) })
    return links
  }
  links.push({ kind: 'app', url: buildAppInviteUrl(room, null, key) })
  return links
}

function isLoopback(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.')
}
