/**
 * Chat history, pure: merging what a late joiner is given with what it received meanwhile, and
 * cutting the history into control-channel frames.
 */
import {
  CHAT_HISTORY_MAX,
  CHAT_HISTORY_PAGE_CHARS,
  type ChatHistory,
  type ChatHistoryEntry,
} from '../../../../shared/channel/chat'

export interface ChatLine extends ChatHistoryEntry {
  /** Sent from this client. */
  self: boolean
}

/** Identifies a message everywhere: ids are unique per sender only. */
export function lineKey(line: { from: string; id: string }): string {
  return `${line.from}\u0000${line.id}`
}

/**
 * The lines of a history not already in the log, deduplicated, in the history's order. They go
 * before everything in the log (they were sent before the joiner arrived); a message that also
 * arrived live meanwhile keeps its place and is not doubled.
 */
export function newFromHistory(
  log: readonly ChatLine[],
  history: readonly ChatHistoryEntry[],
  selfId: string | null,
): ChatLine[] {
  const seen = new Set(log.map(lineKey))
  const fresh: ChatLine[] = []
  for (const entry of history) {
    const key = lineKey(entry)
    if (seen.has(key)) continue
    seen.add(key)
    fresh.push({ ...entry, self: entry.from === selfId })
  }
  return fresh
}

/**
 * The last CHAT_HISTORY_MAX lines as history pages, each under the page size; always at least
 * one page (the last has done: true), so an empty history is answered too.
 */
export function historyPages(log: readonly ChatLine[]): ChatHistory[] {
  const pages: ChatHistory[] = []
  let page: ChatHistoryEntry[] = []
  let chars = 0
  for (const line of log.slice(-CHAT_HISTORY_MAX)) {
    const entry: ChatHistoryEntry = {
      from: line.from,
      name: line.name,
      id: line.id,
      text: line.text,
      sentAt: line.sentAt,
    }
    const size = JSON.stringify(entry).length + 1
    if (page.length > 0 && chars + size > CHAT_HISTORY_PAGE_CHARS) {
      pages.push({ type: 'chat-history', messages: page, done: false })
      page = []
      chars = 0
    }
    page.push(entry)
    chars += size
  }
  pages.push({ type: 'chat-history', messages: page, done: true })
  return pages
}
