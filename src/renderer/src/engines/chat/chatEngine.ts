/**
 * Chat for one call, over the message router: sends and receives messages, answers history
 * requests, and as a late joiner asks one peer for the recent history (another if that one
 * leaves before it has answered). Knows nothing of React or the stores.
 */
import {
  CHAT_HISTORY_MAX,
  CHAT_TEXT_MAX,
  chatHistoryRequestSchema,
  chatHistorySchema,
  chatMessageSchema,
  chatTextLength,
  cleanChatText,
  type ChatHistoryEntry,
} from '../../../../shared/channel/chat'
import { Emitter } from '../../lib/emitter'
import { defineRoute, type MessageRouter } from '../../rtc/messageRouter'
import { historyPages, lineKey, newFromHistory, type ChatLine } from './history'

export const chatRoute = defineRoute('chat', chatMessageSchema)
export const chatHistoryRequestRoute = defineRoute('chat-history-request', chatHistoryRequestSchema)
export const chatHistoryRoute = defineRoute('chat-history', chatHistorySchema)

/** Lines kept in memory for the call; history hands out the last CHAT_HISTORY_MAX of them. */
export const CHAT_LOG_MAX = 1_000

export type ChatSendResult =
  { ok: true; line: ChatLine } | { ok: false; reason: 'empty' | 'too-long' | 'not-in-call' }

export interface ChatEngineEvents {
  /** A message arrived live, or was sent from here. */
  line: [line: ChatLine]
  /** Lines of the history not seen before, oldest first: they precede every other line. */
  history: [lines: ChatLine[]]
}

export interface ChatEngineDeps {
  router: MessageRouter
  newId: () => string
  now: () => number
  /** The sender's name as this client knows it (the participant list). */
  nameOf: (peerId: string) => string | undefined
}

export class ChatEngine extends Emitter<ChatEngineEvents> {
  private readonly deps: ChatEngineDeps
  private log: ChatLine[] = []
  private readonly keys = new Set<string>()
  private self: { id: string; name: string } | null = null
  /** Late joiner: the peer asked for history, and the pages received from it so far. */
  private history: { from: string | null; pages: ChatHistoryEntry[] } | null = null
  private readonly offs: (() => void)[]

  constructor(deps: ChatEngineDeps) {
    super()
    this.deps = deps
    const { router } = deps
    this.offs = [
      router.on(chatRoute, (peerId, message) => {
        if (!this.self) return
        const name = deps.nameOf(peerId)
        if (!name) return
        this.append({ ...message, from: peerId, name, self: false })
      }),
      router.on(chatHistoryRequestRoute, (peerId) => {
        if (!this.self) return
        for (const page of historyPages(this.log)) router.send(peerId, chatHistoryRoute, page)
      }),
      router.on(chatHistoryRoute, (peerId, page) => this.onHistoryPage(peerId, page)),
      router.onPeer('peer-open', () => this.askForHistory()),
      router.onPeer('peer-closed', (peerId) => {
        if (this.history?.from !== peerId) return
        // The peer left before it finished: ask someone else from the start.
        this.history = { from: null, pages: [] }
        this.askForHistory()
      }),
    ]
  }

  get lines(): readonly ChatLine[] {
    return this.log
  }

  /**
   * A call begins. A newcomer (there were people in the room) asks the first peer it can reach
   * for the recent history.
   */
  start(self: { id: string; name: string }, options: { requestHistory: boolean }): void {
    this.stop()
    this.self = self
    if (options.requestHistory) {
      this.history = { from: null, pages: [] }
      this.askForHistory()
    }
  }

  /** The call ended: the history is gone with it. */
  stop(): void {
    this.self = null
    this.history = null
    this.log = []
    this.keys.clear()
  }

  send(raw: string): ChatSendResult {
    const self = this.self
    if (!self) return { ok: false, reason: 'not-in-call' }
    const text = cleanChatText(raw)
    if (text.trim().length === 0) return { ok: false, reason: 'empty' }
    if (chatTextLength(text) > CHAT_TEXT_MAX) return { ok: false, reason: 'too-long' }
    const message = { type: 'chat' as const, id: this.deps.newId(), text, sentAt: this.deps.now() }
    const line: ChatLine = { ...message, from: self.id, name: self.name, self: true }
    this.append(line)
    this.deps.router.broadcast(chatRoute, message)
    return { ok: true, line }
  }

  dispose(): void {
    this.stop()
    for (const off of this.offs) off()
    this.removeAllListeners()
  }

  private append(line: ChatLine): void {
    const key = lineKey(line)
    if (this.keys.has(key)) return
    this.keys.add(key)
    this.log.push(line)
    this.trim()
    this.emit('line', line)
  }

  private askForHistory(): void {
    const history = this.history
    if (!history || history.from !== null) return
    const peer = this.deps.router.openPeers[0]
    if (!peer) return
    history.from = peer
    this.deps.router.send(peer, chatHistoryRequestRoute, { type: 'chat-history-request' })
  }

  private onHistoryPage(peerId: string, page: { messages: ChatHistoryEntry[]; done: boolean }) {
    const history = this.history
    // Only the peer asked, only once.
    if (!history || history.from !== peerId) return
    history.pages.push(...page.messages)
    // A responder that never says done still ends at the history's size.
    if (!page.done && history.pages.length < CHAT_HISTORY_MAX) return
    this.history = null
    const pages = history.pages.slice(-CHAT_HISTORY_MAX)
    const fresh = newFromHistory(this.log, pages, this.self?.id ?? null)
    if (fresh.length === 0) return
    for (const line of fresh) this.keys.add(lineKey(line))
    this.log = [...fresh, ...this.log]
    this.trim()
    this.emit('history', fresh)
  }

  private trim(): void {
    const extra = this.log.length - CHAT_LOG_MAX
    if (extra <= 0) return
    for (const line of this.log.splice(0, extra)) this.keys.delete(lineKey(line))
  }
}
