import { describe, expect, it, vi } from 'vitest'
import { buildDeepLink, parseDeepLink } from '../shared/deepLink'
import { DeepLinkInbox, deepLinkFromArgv, setupDeepLinks, type DeepLinkApp } from './deepLink'

describe('parseDeepLink', () => {
  it.each([
    ['moim://join/friday', { room: 'friday', server: null }],
    ['moim://join/friday/', { room: 'friday', server: null }],
    ['MOIM://JOIN/Fri_day-2', { room: 'Fri_day-2', server: null }],
    [
      'moim://join/friday?server=https%3A%2F%2Fmoim.example.com%3A8443%2F',
      { room: 'friday', server: 'https://moim.example.com:8443' },
    ],
    [
      'moim://join/x?server=http://192.168.1.20:4477',
      { room: 'x', server: 'http://192.168.1.20:4477' },
    ],
    [
      'moim://join/x?server=https://example.com/moim/',
      { room: 'x', server: 'https://example.com/moim' },
    ],
  ])('accepts %s', (url, link) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, link })
  })

  it.each([
    ['moim://join/', /exactly one room/],
    ['moim://join/a/b', /exactly one room/],
    ['moim://join//a', /exactly one room/],
    ['moim://join/fri%2Fday', /invalid room/],
    ['moim://join/..', /exactly one room|invalid room/],
    ['moim://join/%00', /invalid room/],
    ['moim://join/<script>', /invalid room/],
    [`moim://join/${'a'.repeat(65)}`, /invalid room/],
    ['moim://leave/friday', /unknown link action/],
    ['moim:join/friday', /unknown link action/],
    ['moim://user:pw@join/friday', /unexpected parts/],
    ['moim://join:99/friday', /unexpected parts/],
    ['moim://join/friday#x', /unexpected parts/],
    ['https://join/friday', /not a moim/],
    ['javascript:alert(1)', /not a moim/],
    ['moim://join/friday?server=javascript:alert(1)', /http or https/],
    ['moim://join/friday?server=file:///etc/passwd', /http or https/],
    ['moim://join/friday?server=https://user:pw@evil.example', /credentials/],
    ['moim://join/friday?server=https://evil.example/?a=b', /query or fragment/],
    ['moim://join/friday?server=not%20a%20url', /not a valid URL/],
    ['moim://join/friday?server=', /1-512/],
    [`moim://join/friday?server=https://${'a'.repeat(600)}.com`, /1-512/],
    ['moim://join/friday?server=https://a.com&server=https://b.com', /more than one/],
    ['moim://join/friday?password=x', /unknown link parameter/],
    [`moim://join/friday?x=${'a'.repeat(3000)}`, /too long/],
    ['not a url', /not a URL/],
  ])('rejects %s', (url, error) => {
    const result = parseDeepLink(url)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(error)
  })

  it('builds links that parse back to the same thing', () => {
    const link = { room: 'friday', server: 'https://moim.example.com:8443' }
    expect(parseDeepLink(buildDeepLink(link))).toEqual({ ok: true, link })
    expect(buildDeepLink({ room: 'a', server: null })).toBe('moim://join/a')
    expect(() => buildDeepLink({ room: 'a/b', server: null })).toThrow(/invalid room/)
    expect(() => buildDeepLink({ room: 'a', server: 'ftp://x' })).toThrow(/http or https/)
  })
})

describe('DeepLinkInbox', () => {
  it('queues links until the renderer is ready, then sends directly', () => {
    const send = vi.fn()
    const inbox = new DeepLinkInbox(send)
    inbox.deliver({ room: 'a', server: null })
    expect(send).not.toHaveBeenCalled()
    expect(inbox.markReady()).toEqual([{ room: 'a', server: null }])
    inbox.deliver({ room: 'b', server: null })
    expect(send).toHaveBeenCalledWith({ room: 'b', server: null })
    inbox.markNotReady()
    inbox.deliver({ room: 'c', server: null })
    expect(send).toHaveBeenCalledTimes(1)
    expect(inbox.markReady()).toEqual([{ room: 'c', server: null }])
  })

  it('keeps only the latest few links', () => {
    const inbox = new DeepLinkInbox(vi.fn())
    for (let i = 0; i < 20; i += 1) inbox.deliver({ room: `r${i}`, server: null })
    const pending = inbox.markReady()
    expect(pending).toHaveLength(5)
    expect(pending.at(-1)).toEqual({ room: 'r19', server: null })
  })
})

describe('setupDeepLinks', () => {
  function fakeApp(locked = true) {
    const listeners = new Map<string, (...args: unknown[]) => void>()
    const app = {
      on: (name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn),
      setAsDefaultProtocolClient: vi.fn(() => true),
      requestSingleInstanceLock: vi.fn(() => locked),
    }
    return { app: app as unknown as DeepLinkApp & typeof app, listeners }
  }

  function install(locked = true, argv: string[] = ['/usr/bin/moim']) {
    const { app, listeners } = fakeApp(locked)
    const send = vi.fn()
    const inbox = new DeepLinkInbox(send)
    const focusMainWindow = vi.fn()
    const log = vi.fn()
    const ok = setupDeepLinks({
      app,
      inbox,
      focusMainWindow,
      argv,
      defaultApp: false,
      execPath: '/usr/bin/moim',
      log,
    })
    return { ok, app, listeners, inbox, send, focusMainWindow, log }
  }

  it('tells the caller to quit when another instance holds the lock', () => {
    const { ok, app } = install(false)
    expect(ok).toBe(false)
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled()
  })

  it('registers moim:// and queues the link the app was launched with', () => {
    const { ok, app, inbox } = install(true, ['/usr/bin/moim', '--flag', 'moim://join/friday'])
    expect(ok).toBe(true)
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('moim')
    expect(inbox.markReady()).toEqual([{ room: 'friday', server: null }])
  })

  it('focuses the window and delivers links from a second instance and open-url', () => {
    const { listeners, inbox, send, focusMainWindow } = install()
    inbox.markReady()
    listeners.get('second-instance')?.({}, ['/usr/bin/moim', 'moim://join/a'])
    const event = { preventDefault: vi.fn() }
    listeners.get('open-url')?.(event, 'moim://join/b?server=https://x.example')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(send.mock.calls).toEqual([
      [{ room: 'a', server: null }],
      [{ room: 'b', server: 'https://x.example' }],
    ])
    expect(focusMainWindow).toHaveBeenCalledTimes(2)
  })

  it('drops hostile links without focusing, and focuses on a plain second launch', () => {
    const { listeners, inbox, send, focusMainWindow, log } = install()
    inbox.markReady()
    listeners.get('open-url')?.(
      { preventDefault: vi.fn() },
      'moim://join/a?server=javascript:alert(1)',
    )
    expect(send).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/http or https/))
    expect(focusMainWindow).not.toHaveBeenCalled()
    listeners.get('second-instance')?.({}, ['/usr/bin/moim'])
    expect(focusMainWindow).toHaveBeenCalledTimes(1)
  })

  it('finds the launch link among arguments', () => {
    expect(deepLinkFromArgv(['x', 'moim://join/bad room', 'moim://join/ok'])).toEqual({
      room: 'ok',
      server: null,
    })
    expect(deepLinkFromArgv(['x'])).toBeNull()
  })
})
