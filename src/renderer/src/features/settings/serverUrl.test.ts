import { describe, expect, it } from 'vitest'
import { parseServerUrl } from './serverUrl'

describe('parseServerUrl', () => {
  it('accepts http and https and normalises the trailing slash', () => {
    expect(parseServerUrl(' https://moim.example.com/ ')).toEqual({
      ok: true,
      url: 'https://moim.example.com',
    })
    expect(parseServerUrl('http://192.168.1.20:4477')).toEqual({
      ok: true,
      url: 'http://192.168.1.20:4477',
    })
    expect(parseServerUrl('https://example.com/moim/')).toEqual({
      ok: true,
      url: 'https://example.com/moim',
    })
  })

  it('rejects other schemes, credentials and garbage', () => {
    for (const bad of [
      '',
      'moim.example.com',
      'ftp://example.com',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@example.com',
      'http://',
    ]) {
      expect(parseServerUrl(bad), bad).toEqual({ ok: false })
    }
  })
})
