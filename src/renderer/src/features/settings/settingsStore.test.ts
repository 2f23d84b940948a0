import { describe, expect, it } from 'vitest'
import { parseSavedServerSettings, resolveServerChoice } from './settingsStore'

describe('parseSavedServerSettings', () => {
  it('defaults to hosting on this computer', () => {
    expect(parseSavedServerSettings(null)).toEqual({ mode: 'host', remoteUrl: '' })
    expect(parseSavedServerSettings('not json')).toEqual({ mode: 'host', remoteUrl: '' })
    expect(parseSavedServerSettings('[1]')).toEqual({ mode: 'host', remoteUrl: '' })
  })

  it('restores a saved remote server', () => {
    expect(parseSavedServerSettings('{"mode":"remote","remoteUrl":"https://a.example"}')).toEqual({
      mode: 'remote',
      remoteUrl: 'https://a.example',
    })
  })
})

describe('resolveServerChoice', () => {
  it('validates the remote URL', () => {
    expect(resolveServerChoice({ mode: 'host', remoteUrl: 'junk' })).toEqual({
      ok: true,
      kind: 'host',
    })
    expect(resolveServerChoice({ mode: 'remote', remoteUrl: 'https://a.example/' })).toEqual({
      ok: true,
      kind: 'remote',
      url: 'https://a.example',
    })
    expect(resolveServerChoice({ mode: 'remote', remoteUrl: 'ftp://a' })).toEqual({
      ok: false,
      reason: 'invalid-url',
    })
  })
})
