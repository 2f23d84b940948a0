import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, createOriginPolicy } from './appOrigin'

describe('createOriginPolicy', () => {
  const packaged = createOriginPolicy()
  const dev = createOriginPolicy('http://localhost:5173/')

  it.each([
    ['app://moim', true],
    ['app://moim/', true],
    ['app://moim/index.html?room=x', true],
    ['app://evil/index.html', false],
    ['app://moim.evil/', false],
    ['app://user:pw@moim/', false],
    ['file:///etc/passwd', false],
    ['http://localhost:5173/', false],
    ['https://moim.app/', false],
    ['null', false],
    ['', false],
  ])('packaged app trusts %s: %s', (url, trusted) => {
    expect(packaged.isTrusted(url)).toBe(trusted)
  })

  it('trusts the dev server origin only in development', () => {
    expect(dev.isTrusted('http://localhost:5173/index.html')).toBe(true)
    expect(dev.isTrusted('http://localhost:5174/')).toBe(false)
    expect(dev.isTrusted('https://localhost:5173/')).toBe(false)
    expect(dev.isTrusted('app://moim/')).toBe(true)
  })

  it('loads the custom protocol when packaged and the dev server in development', () => {
    expect(packaged.entryUrl).toBe(APP_ENTRY_URL)
    expect(dev.entryUrl).toBe('http://localhost:5173/')
  })

  it('refuses a non-loopback dev server URL', () => {
    expect(() => createOriginPolicy('http://example.com:5173/')).toThrow(/loopback/)
  })
})
