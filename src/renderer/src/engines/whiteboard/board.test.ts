import { describe, expect, it } from 'vitest'
import { Board } from './board'
import { keyOf, type BoardOp, type StrokeOp } from './ops'
import { decodeOpsFrame } from '../../../../shared/whiteboard/opsCodec'
import { fromWire, snapshotFrames, toWire } from './snapshot'

function stroke(author: string, seq: number, lamport: number, points = [10, 10, 20, 20]): StrokeOp {
  return {
    kind: 'stroke',
    author,
    seq,
    lamport,
    rev: 0,
    undone: false,
    tool: 'pen',
    color: '#112233',
    size: 8,
    points: [...points],
    complete: true,
    expected: points.length / 2,
  }
}

function clear(author: string, seq: number, lamport: number): BoardOp {
  return { kind: 'clear', author, seq, lamport, rev: 0, undone: false }
}

/** A message as a receiver applies it; each peer's messages keep their order on its channel. */
type Message =
  | { add: BoardOp }
  | { undo: { author: string; seq: number; undone: boolean; rev: number } }
  | { snapshot: BoardOp[] }

function clone(op: BoardOp): BoardOp {
  return op.kind === 'stroke' ? { ...op, points: [...op.points] } : { ...op }
}

function apply(board: Board, message: Message): void {
  if ('add' in message) board.add(clone(message.add))
  else if ('undo' in message) {
    const { author, seq, undone, rev } = message.undo
    board.setUndone(author, seq, undone, rev)
  } else for (const op of message.snapshot) board.add(fromWire(toWire(clone(op))))
}

function shown(board: Board): string[] {
  return board.visible().map(keyOf)
}

/** Seeded interleavings of the streams that keep each stream's own order. */
function interleavings(streams: Message[][], count: number): Message[][] {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const out: Message[][] = []
  for (let n = 0; n < count; n++) {
    const cursors = streams.map(() => 0)
    const order: Message[] = []
    for (;;) {
      const open = streams.map((s, i) => i).filter((i) => cursors[i]! < streams[i]!.length)
      if (open.length === 0) break
      const pick = open[Math.floor(random() * open.length)]!
      order.push(streams[pick]![cursors[pick]!++]!)
    }
    out.push(order)
  }
  return out
}

interface Case {
  name: string
  /** What each author sent, in its own order. */
  streams: Message[][]
  expected: string[]
}

const cases: Case[] = [
  {
    name: 'two strokes drawn at once are ordered by author',
    streams: [[{ add: stroke('b', 0, 1) }], [{ add: stroke('a', 0, 1) }]],
    expected: ['0@a', '0@b'],
  },
  {
    name: 'a clear hides what was drawn before it, not what was drawn at once by a later-sorting author',
    streams: [
      [{ add: stroke('a', 0, 1) }, { add: clear('a', 1, 2) }],
      [{ add: stroke('b', 0, 2) }],
    ],
    expected: ['0@b'],
  },
  {
    name: 'a clear and an undo of a cleared stroke at once: empty everywhere',
    streams: [
      [{ add: stroke('a', 0, 1) }, { undo: { author: 'a', seq: 0, undone: true, rev: 1 } }],
      [{ add: stroke('b', 0, 1) }, { add: clear('b', 1, 2) }],
    ],
    expected: [],
  },
  {
    name: 'undoing a clear brings everything back, with a stroke drawn meanwhile on top',
    streams: [
      [
        { add: stroke('a', 0, 1) },
        { add: clear('a', 1, 2) },
        { undo: { author: 'a', seq: 1, undone: true, rev: 1 } },
      ],
      [{ add: stroke('b', 0, 3) }],
    ],
    expected: ['0@a', '0@b'],
  },
  {
    name: 'two clears at once, one undone: the other still clears',
    streams: [
      [{ add: stroke('a', 0, 1) }, { add: clear('a', 1, 2) }],
      [{ add: clear('b', 0, 2) }, { undo: { author: 'b', seq: 0, undone: true, rev: 1 } }],
    ],
    expected: [],
  },
  {
    name: 'undo then redo then undo: the newest rev wins',
    streams: [
      [
        { add: stroke('a', 0, 1) },
        { add: stroke('a', 1, 2) },
        { undo: { author: 'a', seq: 1, undone: true, rev: 1 } },
        { undo: { author: 'a', seq: 1, undone: false, rev: 2 } },
        { undo: { author: 'a', seq: 1, undone: true, rev: 3 } },
      ],
      [{ add: stroke('c', 0, 2) }],
    ],
    expected: ['0@a', '0@c'],
  },
]

describe('Board reconciliation', () => {
  it.each(cases)('$name, in every delivery order', ({ streams, expected }) => {
    for (const order of interleavings(streams, 40)) {
      const board = new Board()
      for (const message of order) apply(board, message)
      expect(shown(board)).toEqual(expected)
    }
  })

  it.each(cases)(
    '$name, also for a late joiner given a snapshot midway',
    ({ streams, expected }) => {
      for (const order of interleavings(streams, 20)) {
        const source = new Board()
        const joiner = new Board()
        const cut = Math.floor(order.length / 2)
        order.slice(0, cut).forEach((m) => apply(source, m))
        // The joiner hears the rest live, some of it before the snapshot arrives.
        const live = order.slice(cut)
        live.slice(0, 1).forEach((m) => apply(joiner, m))
        for (const frame of snapshotFrames(source.all()))
          for (const op of decodeOpsFrame(frame).ops) joiner.add(fromWire(op))
        live.slice(1).forEach((m) => apply(joiner, m))
        expect(shown(joiner)).toEqual(expected)
      }
    },
  )

  it('an undo relayed before its operation arrives still applies', () => {
    const board = new Board()
    board.setUndone('a', 0, true, 1)
    board.add(stroke('a', 0, 1))
    expect(shown(board)).toEqual([])
    expect(board.get('a', 0)?.rev).toBe(1)
  })

  it('the same operation twice changes nothing; a snapshot with more points completes a live stroke', () => {
    const board = new Board()
    const live = { ...stroke('a', 0, 1, [1, 1]), complete: false, expected: null }
    expect(board.add(live)).toEqual({ kind: 'tail', op: live })
    expect(board.add(clone(live))).toBeNull()
    expect(board.add(stroke('a', 0, 1, [1, 1, 2, 2, 3, 3]))).toEqual({ kind: 'rebuild' })
    const op = board.get('a', 0) as StrokeOp
    expect(op.points).toEqual([1, 1, 2, 2, 3, 3])
    expect(op.complete).toBe(true)
  })

  it('points append in order, duplicates are skipped, a gap is reported, the end completes', () => {
    const board = new Board()
    board.add({ ...stroke('a', 0, 1, [0, 0]), complete: false, expected: null })
    expect(board.appendPoints('a', 0, 1, [1, 1, 2, 2]).result).toBe('ok')
    expect(board.appendPoints('a', 0, 1, [1, 1, 2, 2]).result).toBe('duplicate')
    expect(board.appendPoints('a', 0, 2, [2, 2, 3, 3]).result).toBe('ok')
    expect(board.appendPoints('a', 0, 9, [9, 9]).result).toBe('gap')
    expect(board.appendPoints('x', 0, 0, [9, 9]).result).toBe('unknown')
    expect((board.get('a', 0) as StrokeOp).points).toEqual([0, 0, 1, 1, 2, 2, 3, 3])
    expect(board.endStroke('a', 0, 6).gap).toBe(true)
    expect(board.endStroke('a', 0, 4)).toEqual({
      gap: false,
      change: { kind: 'complete', op: board.get('a', 0) },
    })
  })

  it('a new operation sorted in the middle asks for a redraw; one at the end only for itself', () => {
    const board = new Board()
    board.add(stroke('b', 0, 5))
    expect(board.add(stroke('a', 0, 3))).toEqual({ kind: 'rebuild' })
    const top = stroke('a', 1, 6)
    expect(board.add(top)).toEqual({ kind: 'tail', op: top })
    expect(board.nextLamport()).toBe(7)
  })

  it('a snapshot is paged under the frame limit and keeps every operation', () => {
    const board = new Board()
    const long = Array.from({ length: 8_000 }, (_, i) => (i * 37) % 2_000)
    for (let i = 0; i < 30; i++) board.add(stroke('a', i, i + 1, long))
    const frames = snapshotFrames(board.all())
    expect(frames.length).toBeGreaterThan(1)
    for (const frame of frames) expect(frame.byteLength).toBeLessThan(64 * 1024)
    const pages = frames.map(decodeOpsFrame)
    expect(pages.at(-1)?.done).toBe(true)
    expect(pages.slice(0, -1).every((p) => !p.done && p.snapshot)).toBe(true)
    const copy = new Board()
    for (const page of pages) for (const op of page.ops) copy.add(fromWire(op))
    expect(shown(copy)).toEqual(shown(board))
    expect((copy.get('a', 3) as StrokeOp).points).toEqual(long)
  })
})
