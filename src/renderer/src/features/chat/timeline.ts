/** How chat items are shown: consecutive messages of one sender form a group. */
import type { ChatItem, ChatMessageItem } from '../../store/chatStore'

/** A new group starts after this long even from the same sender (as Discord does). */
export const GROUP_GAP_MS = 5 * 60_000

export interface TimelineEntry {
  item: ChatItem
  /** First message of a group: shows the sender's name and the time. */
  groupStart: boolean
}

export function timeline(items: readonly ChatItem[]): TimelineEntry[] {
  let previous: ChatMessageItem | null = null
  return items.map((item) => {
    if (item.kind !== 'message') {
      previous = null
      return { item, groupStart: true }
    }
    const groupStart =
      previous === null ||
      previous.from !== item.from ||
      previous.name !== item.name ||
      Math.abs(item.sentAt - previous.sentAt) > GROUP_GAP_MS
    previous = item
    return { item, groupStart }
  })
}
