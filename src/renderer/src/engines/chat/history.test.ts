import { describe, expect, it } from 'vitest'
import { CHAT_HISTORY_MAX, type ChatHistoryEntry } from '../../../../shared/channel/chat'
import { historyPages, newFromHistory, type ChatLine } from './history'

const entry = (from: string, id: string, sentAt = 0, text = `${from}-${id}`): ChatHistoryEntry => ({
  from,
  name: from.toUpperCase(),
  id,
  text,
  sentAt,
})
const line = (from: string, id: string, self = false): ChatLine => ({ ...entry(from, id), self })

describe('newFromHistory', () => {
  it.each([
    {
      name: 'an empty log takes the whole history in its order',
      log: [],
      history: [entry('a', '1'), entry('b', '1'), entry('a', '2')],
      fresh: ['a-1', 'b-1', 'a-2'],
    },
    {
      name: 'a message that also arrived live is not doubled',
      log: [line('b', '1')],
      history: [entry('a', '1'), entry('b', '1')],
      fresh: ['a-1'],
    },
    {
      name: 'ids are unique per sender only',
      log: [line('a', '1')],
      history: [entry('b', '1'), entry('a', '1')],
      fresh: ['b-1'],
    },
    {
      name: 'duplicates inside the history count once',
      log: [],
      history: [entry('a', '1'), entry('a', '1'), entry('b', '2')],
      fresh: ['a-1', 'b-2'],
    },
    {
      name: 'the history order wins over timestamps (clocks differ between machines)',
      log: [],
      history: [entry('a', '1', 500), entry('b', '1', 100)],
      fresh: ['a-1', 'b-1'],
    },
  ])('$name', ({ log, history, fresh }) => {
    expect(newFromHistory(log, history, 'me').map((l) => l.text)).toEqual(fresh)
  })

  it('marks our own earlier messages as ours', () => {
    const [own] = newFromHistory([], [entry('me', '1')], 'me')
    expect(own?.self).toBe(true)
  })
})

describe('historyPages', () => {
  it('answers an empty history with one final page', () => {
    expect(historyPages([])).toEqual([{ type: 'chat-history', messages: [], done: true }])
  })

  it('hands out the last 200 messages in pages under the frame limit, in order', () => {
    const log = Array.from({ length: 250 }, (_, i) => ({
      ...line('a', String(i)),
      text: `${i} ${'가'.repeat(1_990)}`,
    }))
    const pages = historyPages(log)
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.slice(0, -1).every((p) => !p.done)).toBe(true)
    expect(pages.at(-1)?.done).toBe(true)
    for (const page of pages) expect(JSON.stringify(page).length).toBeLessThan(64 * 1024)
    const ids = pages.flatMap((p) => p.messages.map((m) => Number(m.id)))
    expect(ids).toHaveLength(CHAT_HISTORY_MAX)
    expect(ids[0]).toBe(50)
    expect(ids.at(-1)).toBe(249)
  })
})
