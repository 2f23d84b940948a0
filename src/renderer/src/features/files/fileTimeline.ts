/** File offers take their place among the chat's lines by the time they arrived. */
import type { TimelineEntry } from '../chat/timeline'
import type { FileOfferView } from '../../store/filesStore'

export type ChatOrFileEntry = TimelineEntry | { offer: FileOfferView }

function timeOf(entry: TimelineEntry): number {
  return entry.item.kind === 'message' ? entry.item.sentAt : entry.item.at
}

export function withFileOffers(
  entries: readonly TimelineEntry[],
  offers: readonly FileOfferView[],
): ChatOrFileEntry[] {
  if (offers.length === 0) return [...entries]
  const merged: ChatOrFileEntry[] = []
  let next = 0
  let afterOffer = false
  for (const entry of entries) {
    while (next < offers.length && offers[next]!.at <= timeOf(entry)) {
      merged.push({ offer: offers[next++]! })
      afterOffer = true
    }
    // A message right after a card starts a new group (shows its sender again).
    merged.push(afterOffer && !entry.groupStart ? { ...entry, groupStart: true } : entry)
    afterOffer = false
  }
  while (next < offers.length) merged.push({ offer: offers[next++]! })
  return merged
}
