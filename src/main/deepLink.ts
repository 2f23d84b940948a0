/**
 * moim:// links: registered as the OS handler, routed to the single running instance, and
 * delivered to the renderer — queued until it says it is ready, so a link that launched the
 * app is not lost while the page loads.
 */
import type { App } from 'electron'
import type { DeepLinkJoin } from '../preload/index.d'
import { DEEP_LINK_SCHEME, parseDeepLink } from '../shared/deepLink'

const MAX_QUEUED_LINKS = 5

/** The first valid moim:// link among command-line arguments (Windows/Linux launches). */
export function deepLinkFromArgv(argv: readonly string[]): DeepLinkJoin | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue
    const parsed = parseDeepLink(arg)
    if (parsed.ok) return parsed.link
  }
  return null
}

export class DeepLinkInbox {
  private ready = false
  private queue: DeepLinkJoin[] = []

  constructor(private readonly send: (link: DeepLinkJoin) => void) {}

  deliver(link: DeepLinkJoin): void {
    if (this.ready) {
      this.send(link)
      return
    }
    this.queue.push(link)
    if (this.queue.length > MAX_QUEUED_LINKS) this.queue.shift()
  }

  /** The renderer subscribed: hand over what arrived while it was loading. */
  markReady(): DeepLinkJoin[] {
    this.ready = true
    const pending = this.queue
    this.queue = []
    return pending
  }

  /** The page is (re)loading; hold links until it subscribes again. */
  markNotReady(): void {
    this.ready = false
  }
}

export type DeepLinkApp = Pick<
  App,
  'on' | 'setAsDefaultProtocolClient' | 'requestSingleInstanceLock'
>

export interface DeepLinkOptions {
  app: DeepLinkApp
  inbox: DeepLinkInbox
  focusMainWindow: () => void
  argv: readonly string[]
  /** process.defaultApp: running via `electron .` in development. */
  defaultApp: boolean
  execPath: string
  appPath?: string
  log?: (message: string) => void
}

/**
 * Returns false when another instance already runs (it receives our link through
 * 'second-instance'); the caller must then quit.
 */
export function setupDeepLinks(options: DeepLinkOptions): boolean {
  const { app, inbox } = options
  const log = options.log ?? console.warn
  if (!app.requestSingleInstanceLock()) return false

  if (options.defaultApp && options.appPath) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, options.execPath, [options.appPath]) // eng-disable PROTOCOL_HANDLER_JS_CHECK -- links are parsed by parseDeepLink()
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME) // eng-disable PROTOCOL_HANDLER_JS_CHECK -- links are parsed by parseDeepLink()
  }

  const accept = (raw: string): void => {
    const parsed = parseDeepLink(raw)
    if (!parsed.ok) {
      log(`ignored moim:// link: ${parsed.error}`)
      return
    }
    inbox.deliver(parsed.link)
    options.focusMainWindow()
  }

  // macOS delivers links through open-url (also for the launch link, before 'ready').
  app.on('open-url', (event, url) => {
    event.preventDefault()
    accept(url)
  })
  app.on('second-instance', (_event, argv) => {
    const link = argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`))
    if (link) accept(link)
    else options.focusMainWindow()
  })
  const launchLink = deepLinkFromArgv(options.argv)
  if (launchLink) inbox.deliver(launchLink)
  return true
}
