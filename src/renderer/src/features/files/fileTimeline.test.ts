import { describe, expect, it } from 'vitest'
import type { ChatItem } from '../../store/chatStore'
import type { FileOfferView } from '../../store/filesStore'
import { timeline } from '../chat/timeline'
import { withFileOffers } from './fileTimeline'

function message(key: string, sentAt: number): ChatItem {
  return { kind: 'message', key, from: 'ana', name: 'Ana', text: key, sentAt, self: false }
}

function offer(key: string, at: number): FileOfferView {
  return {
    key,
    offerId: key,
    from: 'ana',
    self: false,
    name: `${key}.txt`,
    size: 1,
    mime: '',
    at,
    state: 'open',
    answer: 'pending',
    declinedBy: [],
    error: null,
    senderName: 'Ana',
  }
}

function keys(entries: ReturnType<typeof withFileOffers>): string[] {
  return entries.map((e) => ('offer' in e ? `file:${e.offer.key}` : e.item.key))
}

describe('withFileOffers', () => {
  it('puts each card among the chat lines by time (a card before a line of the same time)', () => {
    const items = [message('m1', 10), message('m2', 20), message('m3', 30)]
    const merged = withFileOffers(timeline(items), [offer('a', 5), offer('b', 20), offer('c', 99)])
    expect(keys(merged)).toEqual(['file:a', 'm1', 'file:b', 'm2', 'm3', 'file:c'])
  })

  it('a message right after a card shows its sender again', () => {
    const items = [message('m1', 10), message('m2', 20)]
    const merged = withFileOffers(timeline(items), [offer('a', 15)])
    const m2 = merged[2]!
    expect('offer' in m2 ? null : m2.groupStart).toBe(true)
    const m1 = merged[0]!
    expect('offer' in m1 ? null : m1.groupStart).toBe(true)
  })
})
