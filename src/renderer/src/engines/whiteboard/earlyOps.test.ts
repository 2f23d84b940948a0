import { describe, expect, it } from 'vitest'
import { EarlyOps } from './earlyOps'

function setup(limit = 10, maxAge = 5_000) {
  let now = 0
  const applied: string[] = []
  const early = new EarlyOps(() => now, limit, maxAge)
  const keep = (author: string, what: string) => early.keep(author, () => applied.push(what))
  return { early, applied, keep, tick: (ms: number) => (now += ms) }
}

describe('early operations of a new drawer', () => {
  it.each([
    {
      name: 'the new drawer gets its operations replayed in arrival order',
      drawer: 'x',
      expected: ['x1', 'x2', 'x3'],
    },
    {
      name: 'another peer becoming the drawer replays only its own',
      drawer: 'y',
      expected: ['y1'],
    },
    { name: 'no drawer (the game ended) replays nothing', drawer: null, expected: [] },
  ])('$name', ({ drawer, expected }) => {
    const { early, applied, keep } = setup()
    keep('x', 'x1')
    keep('y', 'y1')
    keep('x', 'x2')
    keep('x', 'x3')
    early.release(drawer)
    expect(applied).toEqual(expected)
    expect(early.size).toBe(0)
  })

  it('operations older than the window (late ones of an earlier turn) are not replayed', () => {
    const { early, applied, keep, tick } = setup()
    keep('x', 'stale')
    tick(5_001)
    keep('x', 'fresh')
    early.release('x')
    expect(applied).toEqual(['fresh'])
  })

  it('keeps at most the limit, dropping the oldest', () => {
    const { early, applied, keep } = setup(3)
    for (const n of [1, 2, 3, 4, 5]) keep('x', `x${n}`)
    expect(early.size).toBe(3)
    early.release('x')
    expect(applied).toEqual(['x3', 'x4', 'x5'])
  })

  it('a release forgets everything, so a later one replays nothing twice', () => {
    const { early, applied, keep } = setup()
    keep('x', 'x1')
    early.release('y')
    early.release('x')
    expect(applied).toEqual([])
    keep('x', 'x2')
    early.clear()
    early.release('x')
    expect(applied).toEqual([])
  })
})
