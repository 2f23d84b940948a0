import { describe, expect, it, vi } from 'vitest'
import { createOriginPolicy } from './appOrigin'
import { isPermissionAllowed, setupPermissions, type PermissionSession } from './permissions'

const policy = createOriginPolicy('http://localhost:5173')
const APP = 'app://moim/index.html'
const DEV = 'http://localhost:5173/'
const EVIL = 'https://evil.example/'

describe('isPermissionAllowed', () => {
  it.each([
    // permission, origin, mediaTypes, allowed
    ['media', APP, ['audio', 'video'], true],
    ['media', 'app://moim', ['video'], true],
    ['media', DEV, ['audio'], true],
    ['display-capture', APP, undefined, true],
    ['notifications', APP, undefined, true],
    ['clipboard-sanitized-write', APP, undefined, true],
    ['fullscreen', APP, undefined, true],
    ['media', EVIL, ['audio'], false],
    ['display-capture', EVIL, undefined, false],
    ['notifications', 'file:///home/me/x.html', undefined, false],
    ['media', null, ['audio'], false],
    ['media', APP, ['audio', 'screen'], false],
    ['geolocation', APP, undefined, false],
    ['clipboard-read', APP, undefined, false],
    ['openExternal', APP, undefined, false],
    ['usb', APP, undefined, false],
    ['hid', APP, undefined, false],
    ['serial', APP, undefined, false],
    ['midiSysex', APP, undefined, false],
    ['pointerLock', APP, undefined, false],
    ['unknown', APP, undefined, false],
  ])('%s from %s (%j) -> %s', (permission, origin, mediaTypes, allowed) => {
    expect(isPermissionAllowed(policy, { permission, origin, mediaTypes })).toBe(allowed)
  })
})

describe('setupPermissions', () => {
  function install() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    }
    setupPermissions(session as unknown as PermissionSession, policy)
    const request = session.setPermissionRequestHandler.mock.calls[0][0]
    const check = session.setPermissionCheckHandler.mock.calls[0][0]
    return { request, check }
  }

  it('answers requests using the requesting frame URL and media types', () => {
    const { request } = install()
    const callback = vi.fn()
    const contents = { getURL: () => APP }
    request(contents, 'media', callback, { requestingUrl: APP, mediaTypes: ['video'] })
    request(contents, 'media', callback, { requestingUrl: EVIL, mediaTypes: ['video'] })
    request(contents, 'geolocation', callback, { requestingUrl: APP })
    expect(callback.mock.calls).toEqual([[true], [false], [false]])
  })

  it('falls back to the page URL when the request has none', () => {
    const { request } = install()
    const callback = vi.fn()
    request({ getURL: () => EVIL }, 'notifications', callback, { requestingUrl: '' })
    expect(callback).toHaveBeenCalledWith(false)
  })

  it('answers checks by requesting origin', () => {
    const { check } = install()
    expect(check(null, 'media', 'app://moim', {})).toBe(true)
    expect(check(null, 'media', 'https://evil.example', {})).toBe(false)
    expect(check(null, 'geolocation', 'app://moim', {})).toBe(false)
  })
})
