import { describe, expect, it } from 'vitest'
import { WB_OPS_TAG, WB_PICTURE_TAG } from '../../../../shared/channel/whiteboard'
import { encodePictureFrames, type BoardPicture } from '../../../../shared/whiteboard/pictureCodec'
import { eventually } from '../../rtc/testing/eventually'
import { RouterMesh } from '../../rtc/testing/routerMesh'
import type { PictureImage } from './boardPicture'
import { WhiteboardEngine, type StrokeStyle } from './whiteboardEngine'

const PEN: StrokeStyle = { tool: 'pen', color: '#1f2937', size: 6 }

function webpBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length).fill(7)
  bytes.set(
    [...'RIFF'].map((c) => c.charCodeAt(0)),
    0,
  )
  bytes.set(
    [...'WEBP'].map((c) => c.charCodeAt(0)),
    8,
  )
  return bytes
}

const image = (length = 100_000): PictureImage => ({
  blob: new Blob([webpBytes(length)], { type: 'image/webp' }),
  width: 1280,
  height: 800,
})

/** A (with a board) and D, a late joiner connected to A only, then to B. */
function lateJoin() {
  const mesh = new RouterMesh()
  const frames: (() => void)[] = []
  const warnings: string[] = []
  const make = (id: string) =>
    new WhiteboardEngine({
      router: mesh.router(id),
      scheduleFrame: (run) => frames.push(run),
      warn: (message) => warnings.push(message),
    })
  const a = make('a')
  const b = make('b')
  const d = make('d')
  a.start('a', { requestSnapshot: false })
  b.start('b', { requestSnapshot: false })
  a.beginStroke(PEN, { x: 10, y: 10 })
  a.extendStroke([{ x: 20, y: 30 }])
  frames.splice(0).forEach((run) => run())
  a.endStroke()
  /** Tags A sends to D, in order. */
  const sent: number[] = []
  const router = mesh.router('a')
  const sendBinary = router.sendBinary.bind(router)
  router.sendBinary = (peer, tag, payload) => {
    if (peer === 'd') sent.push(tag)
    return sendBinary(peer, tag, payload)
  }
  const pictures: [string, BoardPicture][] = []
  d.on('picture', (from, picture) => pictures.push([from, picture]))
  const join = () => {
    d.start('d', { requestSnapshot: true })
    mesh.connect('d', 'a')
  }
  return { mesh, a, b, d, sent, pictures, warnings, join }
}

describe('board pictures for a late joiner', () => {
  it('a peer with a view answers with the picture first, then the ops', async () => {
    const { a, d, sent, pictures, join } = lateJoin()
    a.setPictureSource(async () => image())
    join()
    await eventually(() => expect(d.awaitingSnapshot).toBe(false))
    expect(sent).toEqual([WB_PICTURE_TAG, WB_PICTURE_TAG, WB_OPS_TAG])
    expect(pictures).toHaveLength(1)
    expect(pictures[0]![0]).toBe('a')
    expect(pictures[0]![1]).toMatchObject({ format: 'webp', width: 1280, height: 800 })
    expect(pictures[0]![1].bytes.length).toBe(100_000)
    expect(d.board.visible()).toHaveLength(1)
  })

  it('without a view (no source, or one with nothing to show) only the ops go', async () => {
    for (const source of [null, async () => null, async () => Promise.reject(new Error('gone'))]) {
      const { a, d, sent, pictures, join } = lateJoin()
      if (source) a.setPictureSource(source)
      join()
      await eventually(() => expect(d.awaitingSnapshot).toBe(false))
      expect(sent).toEqual([WB_OPS_TAG])
      expect(pictures).toHaveLength(0)
      expect(d.board.visible()).toHaveLength(1)
    }
  })

  it('an unregistered source is no longer asked; a newer one replaces it', async () => {
    const { a, d, sent, join } = lateJoin()
    const off = a.setPictureSource(async () => image())
    off()
    join()
    await eventually(() => expect(d.awaitingSnapshot).toBe(false))
    expect(sent).toEqual([WB_OPS_TAG])
  })

  it('the joiner ignores pictures from a peer it did not ask, and after the board came', async () => {
    const { mesh, d, pictures, warnings, join } = lateJoin()
    join()
    await eventually(() => expect(d.awaitingSnapshot).toBe(false))
    const pages = encodePictureFrames({
      format: 'webp',
      width: 10,
      height: 10,
      byteLength: 20,
      bytes: webpBytes(20),
    })
    // After the snapshot, from the peer that was asked.
    for (const page of pages) mesh.router('a').sendBinary('d', WB_PICTURE_TAG, page)
    // From a peer that was never asked.
    mesh.connect('d', 'b')
    await eventually(() => expect(mesh.router('b').openPeers).toContain('d'))
    for (const page of pages) mesh.router('b').sendBinary('d', WB_PICTURE_TAG, page)
    // A later frame from the same channels arrives after those: wait for it.
    const seen = new Promise<void>((resolve) => d.on('state', () => resolve()))
    mesh.router('b').sendBinary('d', WB_OPS_TAG, new Uint8Array([0, 0, 0]))
    await seen
    expect(pictures).toHaveLength(0)
    expect(warnings).toEqual([])
  })

  it('a malformed picture is dropped with a warning; the ops still make the board', async () => {
    const { a, d, pictures, warnings, join } = lateJoin()
    a.setPictureSource(async () => ({
      blob: new Blob([new Uint8Array(100).fill(1)], { type: 'image/webp' }),
      width: 10,
      height: 10,
    }))
    join()
    await eventually(() => expect(d.awaitingSnapshot).toBe(false))
    expect(pictures).toHaveLength(0)
    expect(warnings.some((w) => /malformed whiteboard picture/.test(w))).toBe(true)
    expect(d.board.visible()).toHaveLength(1)
  })

  it('a peer joining has the view picture its board ahead; a late joiner itself does not', async () => {
    const { a, d, join } = lateJoin()
    let asked = 0
    const count = async () => {
      asked++
      return image()
    }
    a.setPictureSource(count)
    a.peerJoining()
    expect(asked).toBe(1)
    // A failing source is the answer's business, not the joining's.
    const off = a.setPictureSource(async () => Promise.reject(new Error('no canvas')))
    a.peerJoining()
    off()
    a.setPictureSource(count)
    d.setPictureSource(count)
    join()
    d.peerJoining()
    await eventually(() => expect(d.awaitingSnapshot).toBe(false))
    // A once ahead, A again for the answer (the view keeps what it made); D never.
    expect(asked).toBe(2)
  })
})
