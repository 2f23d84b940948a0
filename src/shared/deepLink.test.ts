import { describe, expect, it } from 'vitest'
import { buildDeepLink, parseDeepLink } from './deepLink'

const KEY = 'AbCdEfGhIjKlMnOpQrStUv'

describe('deep links: Unicode rooms and room keys', () => {
  it('reads a percent-encoded Unicode room, NFC-normalized', () => {
    expect(parseDeepLink('moim://join/%EA%B8%88%EC%9A%94%EC%9D%BC')).toEqual({
      ok: true,
      link: { room: '금요일', server: null },
    })
    const decomposed = encodeURIComponent('금요일'.normalize('NFD'))
    expect(parseDeepLink(`moim://join/${decomposed}`)).toMatchObject({ link: { room: '금요일' } })
  })

  it.each([
    ['moim://join/fri%2Fday', 'slash'],
    ['moim://join/%E2%80%AEfriday', 'bidi override'],
    ['moim://join/fri%20day', 'space'],
    ['moim://join/%E0%A4%A', 'malformed escape'],
    ['moim://join/%00', 'NUL'],
  ])('refuses %s (%s)', (url) => {
    expect(parseDeepLink(url)).toEqual({ ok: false, error: 'invalid room name' })
  })

  it('carries a room key and refuses a malformed or repeated one', () => {
    expect(parseDeepLink(`moim://join/x?server=https%3A%2F%2F10.0.0.5%3A5001&key=${KEY}`)).toEqual({
      ok: true,
      link: { room: 'x', server: 'https://10.0.0.5:5001', key: KEY },
    })
    expect(parseDeepLink('moim://join/x?key=short')).toEqual({
      ok: false,
      error: 'invalid room key',
    })
    expect(parseDeepLink(`moim://join/x?key=${KEY}&key=${KEY}`)).toEqual({
      ok: false,
      error: 'more than one key',
    })
  })

  it('carries a certificate pin only for an https server', () => {
    const pin = 'p'.repeat(43)
    expect(parseDeepLink(`moim://join/x?server=https%3A%2F%2F10.0.0.5%3A5001&cert=${pin}`)).toEqual(
      { ok: true, link: { room: 'x', server: 'https://10.0.0.5:5001', cert: pin } },
    )
    expect(parseDeepLink(`moim://join/x?server=http%3A%2F%2F10.0.0.5%3A5001&cert=${pin}`)).toEqual({
      ok: false,
      error: 'a certificate pin needs an https server',
    })
    expect(parseDeepLink(`moim://join/x?cert=${pin}`)).toEqual({
      ok: false,
      error: 'a certificate pin needs a server',
    })
    expect(parseDeepLink('moim://join/x?server=https%3A%2F%2Fa.example&cert=short')).toEqual({
      ok: false,
      error: 'invalid certificate pin',
    })
  })

  it('builds what it parses', () => {
    const link = { room: '금요일', server: 'https://10.0.0.5:5001', key: KEY, cert: 'c'.repeat(43) }
    expect(buildDeepLink(link)).toBe(
      `moim://join/%EA%B8%88%EC%9A%94%EC%9D%BC?server=https%3A%2F%2F10.0.0.5%3A5001&key=${KEY}&cert=${'c'.repeat(43)}`,
    )
    expect(parseDeepLink(buildDeepLink(link))).toEqual({ ok: true, link })
  })
})
