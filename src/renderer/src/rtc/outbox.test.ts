import { describe, expect, it } from 'vitest'
import { Outbox } from './outbox'

describe('Outbox', () => {
  it('keeps order, bounds its size and counts what it dropped', () => {
    const outbox = new Outbox(2)
    outbox.push('a', '1')
    outbox.push('a', '2')
    outbox.push('a', '3')
    expect(outbox.dropped).toBe(1)
    expect(outbox.drain()).toEqual(['2', '3'])
    expect(outbox.size).toBe(0)
  })

  it('keeps only the newest message of a latest-only type, at its new place', () => {
    const outbox = new Outbox()
    outbox.push('state', 's1', true)
    outbox.push('chat', 'c1')
    outbox.push('state', 's2', true)
    expect(outbox.drain()).toEqual(['c1', 's2'])
  })
})
