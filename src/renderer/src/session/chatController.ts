/**
 * Chat in the call: wires the chat engine to the chat store, adds join/leave lines, counts
 * unread messages and raises desktop notifications (rate-limited) while the chat is not in view.
 * The only writer of chatStore.
 */
import { ChatEngine } from '../engines/chat/chatEngine'
import { lineKey, type ChatLine } from '../engines/chat/history'
import type { MessageRouter } from '../rtc/messageRouter'
import type { ChatItem, ChatMessageItem, ChatSendError, ChatStore } from '../store/chatStore'
import { initialChatState } from '../store/chatStore'

/** At most one notification this often; messages in between are summed into the next one. */
export const NOTIFY_INTERVAL_MS = 5_000
/** Items the panel keeps (messages and system lines). */
const ITEMS_MAX = 1_000

export interface ChatApi {
  /** Sends a message to everyone in the call; the reason when refused. */
  send(text: string): { ok: true } | { ok: false; reason: ChatSendError }
  openPanel(): void
  closePanel(): void
  togglePanel(): void
  /** The user has seen everything (panel open, window focused). */
  markRead(): void
  setNotifications(enabled: boolean): void
}

export interface ChatControllerDeps {
  store: ChatStore
  router: MessageRouter
  newId: () => string
  now: () => number
  nameOf: (peerId: string) => string | undefined
  /** Whether the app window has focus (document.hasFocus()). */
  isWindowFocused: () => boolean
  /** Shows a system notification where the platform has them (the desktop app). */
  notify?: (title: string, body: string) => void
  /** Strings for the summed notification, in the UI language. */
  describeUnread?: (count: number) => string
  /** The saved notification preference (default on), and where a change is saved. */
  notificationsEnabled?: boolean
  saveNotifications?: (enabled: boolean) => void
  notifyIntervalMs?: number
}

function messageItem(line: ChatLine): ChatMessageItem {
  return {
    kind: 'message',
    key: lineKey(line),
    from: line.from,
    name: line.name,
    text: line.text,
    sentAt: line.sentAt,
    self: line.self,
  }
}

export class ChatController implements ChatApi {
  private readonly deps: ChatControllerDeps
  private readonly engine: ChatEngine
  private systemSeq = 0
  private lastNotified = -Infinity
  private notifyTimer: ReturnType<typeof setTimeout> | null = null
  private pendingNotes: ChatLine[] = []

  constructor(deps: ChatControllerDeps) {
    this.deps = deps
    if (deps.notificationsEnabled === false) deps.store.setState({ notifications: false })
    this.engine = new ChatEngine({
      router: deps.router,
      newId: deps.newId,
      now: deps.now,
      nameOf: deps.nameOf,
    })
    this.engine.on('line', (line) => this.onLine(line))
    this.engine.on('history', (lines) => {
      const keys = new Set(this.deps.store.getState().items.map((i) => i.key))
      const fresh = lines.map(messageItem).filter((item) => !keys.has(item.key))
      this.deps.store.setState((s) => ({ items: [...fresh, ...s.items].slice(-ITEMS_MAX) }))
    })
  }

  /** A call begins; a newcomer fetches the recent history from a peer. */
  start(self: { id: string; name: string }, options: { requestHistory: boolean }): void {
    this.reset()
    this.engine.start(self, options)
  }

  /** The call ended: messages, unread count and pending notifications are gone. */
  stop(): void {
    this.engine.stop()
    this.reset()
  }

  /** A quiet line in the chat: someone joined or left. */
  system(event: 'joined' | 'left', name: string): void {
    this.push({
      kind: 'system',
      key: `system:${++this.systemSeq}`,
      event,
      name,
      at: this.deps.now(),
    })
  }

  send(text: string): ReturnType<ChatApi['send']> {
    const result = this.engine.send(text)
    return result.ok ? { ok: true } : { ok: false, reason: result.reason }
  }

  openPanel(): void {
    this.deps.store.setState({ panelOpen: true })
  }

  closePanel(): void {
    this.deps.store.setState({ panelOpen: false })
  }

  togglePanel(): void {
    this.deps.store.setState((s) => ({ panelOpen: !s.panelOpen }))
  }

  markRead(): void {
    if (this.deps.store.getState().unread !== 0) this.deps.store.setState({ unread: 0 })
    this.pendingNotes = []
  }

  /** Something for the user arrived in the chat (a file offer): counted as unread unless in view. */
  countUnread(): void {
    const { panelOpen } = this.deps.store.getState()
    if (panelOpen && this.deps.isWindowFocused()) return
    this.deps.store.setState((s) => ({ unread: s.unread + 1 }))
  }

  setNotifications(enabled: boolean): void {
    this.deps.store.setState({ notifications: enabled })
    this.deps.saveNotifications?.(enabled)
    if (!enabled) this.pendingNotes = []
  }

  dispose(): void {
    this.stop()
    this.engine.dispose()
  }

  private reset(): void {
    if (this.notifyTimer) clearTimeout(this.notifyTimer)
    this.notifyTimer = null
    this.pendingNotes = []
    const { panelOpen, notifications } = this.deps.store.getState()
    this.deps.store.setState({ ...initialChatState(), panelOpen, notifications })
  }

  private push(item: ChatItem): void {
    this.deps.store.setState((s) => ({ items: [...s.items, item].slice(-ITEMS_MAX) }))
  }

  private onLine(line: ChatLine): void {
    this.push(messageItem(line))
    if (line.self) return
    const { panelOpen } = this.deps.store.getState()
    const inView = panelOpen && this.deps.isWindowFocused()
    if (inView) return
    this.deps.store.setState((s) => ({ unread: s.unread + 1 }))
    this.queueNotification(line)
  }

  private queueNotification(line: ChatLine): void {
    const { notify } = this.deps
    if (!notify || !this.deps.store.getState().notifications) return
    this.pendingNotes.push(line)
    if (this.notifyTimer) return
    const interval = this.deps.notifyIntervalMs ?? NOTIFY_INTERVAL_MS
    const wait = this.lastNotified + interval - this.deps.now()
    if (wait <= 0) return this.flushNotifications()
    this.notifyTimer = setTimeout(() => this.flushNotifications(), wait)
  }

  private flushNotifications(): void {
    this.notifyTimer = null
    const notes = this.pendingNotes
    this.pendingNotes = []
    const last = notes.at(-1)
    if (!last || !this.deps.notify || !this.deps.store.getState().notifications) return
    this.lastNotified = this.deps.now()
    if (notes.length === 1 || !this.deps.describeUnread) this.deps.notify(last.name, last.text)
    else this.deps.notify(last.name, this.deps.describeUnread(notes.length))
  }
}
