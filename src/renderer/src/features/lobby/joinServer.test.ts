import { describe, expect, it } from 'vitest'
import type { HostInfo } from '../../platform/desktop'
import { joinServerNow, resolveJoinServer } from './joinServer'

const hostSettings = { mode: 'host' as const, remoteUrl: '' }
const desktopWith = (info: HostInfo | null | Error) => ({
  getHostInfo: () => (info instanceof Error ? Promise.reject(info) : Promise.resolve(info)),
})

describe('resolveJoinServer', () => {
  it('uses the page origin in the web client, whatever the settings say', async () => {
    expect(
      await resolveJoinServer(null, { mode: 'remote', remoteUrl: 'x' }, 'http://127.0.0.1:4477'),
    ).toEqual({ ok: true, url: 'http://127.0.0.1:4477' })
  })

  it("uses the desktop app's bundled server by default", async () => {
    const desktop = desktopWith({
      serverUrl: 'http://127.0.0.1:5123',
      lanUrls: [],
      hosting: false,
      certificateFingerprint: null,
      certificatePin: null,
    })
    expect(await resolveJoinServer(desktop, hostSettings, 'app://moim')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:5123',
    })
  })

  it('reports a bundled server that is not running', async () => {
    for (const desktop of [desktopWith(null), desktopWith(new Error('ipc'))]) {
      const result = await resolveJoinServer(desktop, hostSettings, 'app://moim')
      expect(result).toMatchObject({ ok: false, key: 'error.serverUnreachable' })
    }
  })

  it('uses a valid remote server and rejects an invalid one', async () => {
    const desktop = desktopWith(null)
    expect(
      await resolveJoinServer(desktop, { mode: 'remote', remoteUrl: 'https://m.example/' }, ''),
    ).toEqual({ ok: true, url: 'https://m.example' })
    expect(
      await resolveJoinServer(desktop, { mode: 'remote', remoteUrl: 'm.example' }, ''),
    ).toEqual({ ok: false, key: 'settings.serverUrlInvalid' })
  })
})

describe('joinServerNow', () => {
  it('answers at once unless the bundled server must be asked for its address', () => {
    const desktop = desktopWith(null)
    expect(joinServerNow(null, hostSettings, 'http://127.0.0.1:4477')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4477',
    })
    expect(joinServerNow(desktop, { mode: 'remote', remoteUrl: 'https://m.example/' }, '')).toEqual(
      { ok: true, url: 'https://m.example' },
    )
    expect(joinServerNow(desktop, hostSettings, 'app://moim')).toBeNull()
  })
})
