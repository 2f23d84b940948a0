import { describe, expect, it, vi } from 'vitest'
import { createOriginPolicy } from './appOrigin'
import { safeExternalUrl } from './externalLinks'
import { guardAllWebContents, guardWebContents, type GuardedContents } from './navigationGuards'

type Listener = (...args: unknown[]) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    },
  }
  const fire = (name: string, url: string): boolean => {
    const event = { preventDefault: vi.fn(), url }
    listeners.get(name)?.(event, url)
    return event.preventDefault.mock.calls.length > 0
  }
  return {
    contents: contents as unknown as GuardedContents,
    fire,
    open: (url: string) => openHandler?.({ url }),
  }
}

const policy = createOriginPolicy()

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    'blocks %s to foreign pages and allows the app itself',
    (name) => {
      const { contents, fire } = fakeContents()
      guardWebContents(contents, policy, vi.fn())
      expect(fire(name, 'https://evil.example/')).toBe(true)
      expect(fire(name, 'file:///etc/passwd')).toBe(true)
      expect(fire(name, 'javascript:alert(1)')).toBe(true)
      expect(fire(name, 'app://moim/index.html')).toBe(false)
    },
  )

  it('never attaches a <webview>', () => {
    const { contents, fire } = fakeContents()
    guardWebContents(contents, policy, vi.fn())
    expect(fire('will-attach-webview', 'app://moim/')).toBe(true)
  })

  it('denies every new window and opens only http(s) links externally', () => {
    const { contents, open } = fakeContents()
    const openExternal = vi.fn(() => Promise.resolve())
    guardWebContents(contents, policy, openExternal)
    for (const url of [
      'https://moim.app/help',
      'http://example.com/',
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'app://moim/index.html',
      'https://user:pw@example.com/',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    expect(openExternal.mock.calls).toEqual([['https://moim.app/help'], ['http://example.com/']])
  })

  it('guards every webContents the app creates', () => {
    const appListeners = new Map<string, Listener>()
    const app = { on: (name: string, listener: Listener) => appListeners.set(name, listener) }
    guardAllWebContents(app as never, policy, vi.fn())
    const { contents, fire } = fakeContents()
    appListeners.get('web-contents-created')?.({}, contents)
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true)
  })
})

describe('safeExternalUrl', () => {
  it.each([
    ['https://moim.app/a?b=c', 'https://moim.app/a?b=c'],
    ['HTTP://Example.com', 'http://example.com/'],
    ['ftp://example.com', null],
    ['file:///C:/Windows/System32/calc.exe', null],
    ['ms-settings:privacy', null],
    ['https://', null],
    ['https://a:b@example.com', null],
    [`https://example.com/${'a'.repeat(3000)}`, null],
    [42, null],
  ])('%s -> %s', (input, expected) => {
    expect(safeExternalUrl(input)).toBe(expected)
  })
})
