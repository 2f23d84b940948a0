import { describe, expect, it } from 'vitest'
import { OverlayBoards } from './overlayBoards'
import { MarkFader } from './overlayFade'
import {
  boardToBox,
  boxToBoard,
  boxToBoardClamped,
  contentBoardSize,
  contentRect,
} from './overlayGeometry'
import type { StrokeOp } from './ops'

function stroke(seq: number, extra: Partial<StrokeOp> = {}): StrokeOp {
  return {
    kind: 'stroke',
    author: 'a',
    seq,
    lamport: seq,
    rev: 0,
    undone: false,
    tool: 'pen',
    color: '#dc2626',
    size: 8,
    points: [0, 0, 10, 10],
    complete: true,
    expected: 2,
    ...extra,
  }
}

describe('overlay geometry', () => {
  it.each([
    // box, video, the content's rectangle in the box
    [
      { width: 800, height: 600 },
      { width: 1280, height: 720 },
      { x: 0, y: 75, width: 800, height: 450 },
    ],
    [
      { width: 400, height: 600 },
      { width: 1000, height: 1000 },
      { x: 0, y: 100, width: 400, height: 400 },
    ],
    [
      { width: 1000, height: 300 },
      { width: 1280, height: 720 },
      { x: 233.33, y: 0, width: 533.33, height: 300 },
    ],
  ])('letterboxes the content in %o for a %o frame', (box, video, rect) => {
    const got = contentRect(box, video)
    for (const key of ['x', 'y', 'width', 'height'] as const)
      expect(got[key]).toBeCloseTo(rect[key], 1)
  })

  it('fits the content on the board uniformly, anchored top-left', () => {
    expect(contentBoardSize({ width: 1280, height: 720 })).toEqual({ width: 1600, height: 900 })
    expect(contentBoardSize({ width: 1000, height: 1000 })).toEqual({ width: 1000, height: 1000 })
  })

  it('maps the same spot of the content to the same board point whatever the tile', () => {
    const video = { width: 1280, height: 720 }
    // The content's centre in a wide tile (pillarboxed) and in a tall one (letterboxed).
    const wide = boxToBoard({ x: 500, y: 150 }, { width: 1000, height: 300 }, video)
    const tall = boxToBoard({ x: 200, y: 300 }, { width: 400, height: 600 }, video)
    expect(wide!.x).toBeCloseTo(800)
    expect(wide!.y).toBeCloseTo(450)
    expect(tall!.x).toBeCloseTo(800)
    expect(tall!.y).toBeCloseTo(450)
    // A receiver getting a scaled-down copy of the frame agrees with the sender.
    const small = boxToBoard(
      { x: 200, y: 300 },
      { width: 400, height: 600 },
      { width: 640, height: 360 },
    )
    expect(small!.x).toBeCloseTo(800)
  })

  it('round-trips board points through the box', () => {
    const box = { width: 731, height: 412 }
    const video = { width: 1920, height: 1080 }
    const back = boxToBoard(boardToBox({ x: 123, y: 456 }, box, video), box, video)!
    expect(back.x).toBeCloseTo(123)
    expect(back.y).toBeCloseTo(456)
  })

  it('says a pointer on the letterbox bars is not on the content, and clamps a stroke there', () => {
    const box = { width: 800, height: 600 }
    const video = { width: 1280, height: 720 }
    expect(boxToBoard({ x: 400, y: 40 }, box, video)).toBeNull()
    expect(boxToBoardClamped({ x: 400, y: 40 }, box, video)).toEqual({ x: 800, y: 0 })
    expect(boxToBoardClamped({ x: 900, y: 700 }, box, video)).toEqual({ x: 1600, y: 900 })
  })
})

describe('mark fading', () => {
  it('holds a finished mark, fades it, then it is gone', () => {
    const fader = new MarkFader(3000, 500)
    const op = stroke(1)
    fader.observe([op], 1000)
    expect(fader.opacity(op, 3999)).toBe(1)
    expect(fader.opacity(op, 4250)).toBeCloseTo(0.5)
    expect(fader.opacity(op, 4500)).toBe(0)
    expect(fader.fading([op], 4250)).toBe(true)
    expect(fader.fading([op], 4500)).toBe(false)
  })

  it('starts the clock when the mark is finished, not when it began', () => {
    const fader = new MarkFader(3000, 500)
    const op = stroke(1, { complete: false, expected: null })
    fader.observe([op], 0)
    expect(fader.opacity(op, 10_000)).toBe(1)
    op.complete = true
    fader.observe([op], 10_000)
    expect(fader.opacity(op, 12_000)).toBe(1)
    expect(fader.opacity(op, 13_500)).toBe(0)
  })

  it('never fades a pinned mark', () => {
    const fader = new MarkFader(3000, 500)
    const op = stroke(1, { pinned: true })
    fader.observe([op], 0)
    expect(fader.opacity(op, 1e9)).toBe(1)
    expect(fader.fading([op], 1e9)).toBe(false)
  })

  it('forgets the marks on reset', () => {
    const fader = new MarkFader(3000, 500)
    const op = stroke(1)
    fader.observe([op], 0)
    fader.reset()
    expect(fader.opacity(op, 1e9)).toBe(1)
  })
})

describe('overlay boards', () => {
  it('follows the shared screens', () => {
    const boards = new OverlayBoards()
    expect(boards.sync([{ board: 's1', owner: 'a' }])).toEqual({
      added: [{ board: 's1', owner: 'a' }],
      removed: [],
    })
    expect(boards.isEnabled('s1')).toBe(true)
    expect(boards.sync([{ board: 's2', owner: 'b' }])).toEqual({
      added: [{ board: 's2', owner: 'b' }],
      removed: ['s1'],
    })
    expect(boards.ownedBy('b')).toEqual(['s2'])
  })

  it('lets only the sharer disable and enable its overlay', () => {
    const boards = new OverlayBoards()
    boards.sync([{ board: 's1', owner: 'a' }])
    expect(boards.setEnabled('s1', 'b', false)).toBe(false)
    expect(boards.isEnabled('s1')).toBe(true)
    expect(boards.setEnabled('s1', 'a', false)).toBe(true)
    expect(boards.isEnabled('s1')).toBe(false)
    expect(boards.setEnabled('s1', 'a', false)).toBe(false)
    expect(boards.setEnabled('s1', 'a', true)).toBe(true)
  })

  it("keeps a sharer's word that came before its screen was announced", () => {
    const boards = new OverlayBoards()
    boards.setEnabled('s1', 'a', false)
    boards.setEnabled('s2', 'x', false)
    boards.sync([
      { board: 's1', owner: 'a' },
      { board: 's2', owner: 'b' },
    ])
    expect(boards.isEnabled('s1')).toBe(false)
    // Someone other than the sharer said it: ignored.
    expect(boards.isEnabled('s2')).toBe(true)
  })

  it('has nothing enabled for an unknown screen', () => {
    expect(new OverlayBoards().isEnabled('nope')).toBe(false)
  })
})
