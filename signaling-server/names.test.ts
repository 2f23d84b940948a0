/** Attack 9: names that reorder or hide text, and Unicode room names. */
import { afterEach, describe, expect, it } from 'vitest'
import { sanitizeDisplayName } from '../src/shared/text'
import { TestWorld, errorCode, join, next } from './testing/harness'

const world = new TestWorld()
afterEach(() => world.close())

describe('display names', () => {
  it.each([
    ['\u202Eevil\u202C', 'evil', 'right-to-left override'],
    ['Ana\u2066 (host)\u2069', 'Ana (host)', 'isolates'],
    ['B\u200Bo\u200Bb', 'Bob', 'zero-width spaces'],
    ['Jun\u0000\u0007', 'Jun', 'control characters'],
    ['  two   spaces\n', 'two spaces', 'whitespace runs and newlines'],
    ['\u3164', '', 'Hangul filler (looks empty)'],
    ['민지', '민지', 'Korean'],
    ['\u1100\u1161', '가', 'Hangul jamo, NFC-composed'],
    ['👩\u200D💻 Dev', '👩\u200D💻 Dev', 'emoji ZWJ sequence kept'],
    ['a\u200Db', 'ab', 'ZWJ outside emoji'],
    ['שלום', 'שלום', 'Hebrew letters stay (shown isolated by the UI)'],
  ])('%j -> %j (%s)', (raw, clean) => {
    expect(sanitizeDisplayName(raw)).toBe(clean)
  })

  it('the server stores and announces the cleaned name, and refuses one that is only invisible', async () => {
    const s = await world.server()
    const [a, b] = await Promise.all([world.client(s.url), world.client(s.url)])
    await join(a, { room: 'r', name: 'A' })
    const announced = next(a, 'peer:joined')
    const jb = await join(b, { room: 'r', name: '\u202Egnp.exe\u202C Bob' })
    expect(jb.self.name).toBe('gnp.exe Bob')
    expect((await announced).name).toBe('gnp.exe Bob')
    const c = await world.client(s.url)
    expect(await c.emitWithAck('room:join', { room: 'r', name: '\u200B\u202E' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'name: name is empty' },
    })
  })
})

describe('room names', () => {
  it('accepts Unicode letters and digits, NFC-normalized, up to 64 characters', async () => {
    const s = await world.server()
    const [a, b] = await Promise.all([world.client(s.url), world.client(s.url)])
    const ja = await join(a, { room: '금요일', name: 'A' })
    expect(ja.room.id).toBe('금요일')
    // The same name typed as decomposed jamo is the same room.
    const jb = await join(b, { room: '금요일'.normalize('NFD'), name: 'B' })
    expect(jb.room.id).toBe('금요일')
    expect(jb.peers).toEqual([ja.self])
    const c = await world.client(s.url)
    await expect(join(c, { room: 'é'.repeat(64), name: 'C' })).resolves.toBeTruthy()
  })

  it.each([
    ['friday night', 'space'],
    ['fri\u200Dday', 'zero-width joiner'],
    ['\u202Efriday', 'bidi override'],
    ['fri/day', 'slash'],
    ['🎉party', 'symbol'],
    ['가'.repeat(65), '65 characters'],
    ['', 'empty'],
  ])('refuses %j (%s)', async (room) => {
    const s = await world.server()
    const a = await world.client(s.url)
    expect(errorCode(await a.emitWithAck('room:join', { room, name: 'A' }))).toBe('BAD_REQUEST')
  })
})
