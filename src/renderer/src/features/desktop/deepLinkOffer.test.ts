/**
 * The deep-link confirmation rule (security issue 14, item 6): a
 * moim://join/x?server=https://evil link never switches the user's server silently or
 * permanently; its server is used for one join, only after the user confirms a dialog that
 * shows the host.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JoinOptions, Session } from '../../session/types'
import { joinFromLobby } from '../lobby/joinRoom'
import { lobbyStore } from '../lobby/lobbyStore'
import { settingsStore } from '../settings/settingsStore'
import { acceptLink, declineLink, offerFromLink, receiveLink } from './deepLinkOffer'
import { desktopStore, INITIAL_DESKTOP_STATE } from './desktopStore'

const SAVED_SERVER = 'https://moim.friends.example'
const HOST_URL = 'http://127.0.0.1:5123'

function fakeStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  }
}

function fakeSession(joinResult = true) {
  const joins: JoinOptions[] = []
  const session = {
    join: vi.fn(async (options: JoinOptions) => {
      joins.push(options)
      return joinResult
    }),
    leave: vi.fn(async () => undefined),
    clearError: vi.fn(),
  }
  return { session: session as unknown as Session, joins, mock: session }
}

const desktop = {
  getHostInfo: vi.fn(async () => ({
    serverUrl: HOST_URL,
    lanUrls: [],
    hosting: false,
    certificateFingerprint: null,
    certificatePin: null,
  })),
}

let storage: Storage

beforeEach(() => {
  storage = fakeStorage()
  vi.stubGlobal('localStorage', storage)
  settingsStore.getState().setRemoteUrl(SAVED_SERVER)
  settingsStore.getState().setMode('remote')
  lobbyStore.setState({
    name: 'Ada',
    room: 'lobby-room',
    password: '',
    capacity: 6,
    linkServer: null,
    serverProblem: null,
  })
  desktopStore.setState({ ...INITIAL_DESKTOP_STATE })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function savedSettings() {
  const { mode, remoteUrl } = settingsStore.getState()
  return { mode, remoteUrl, stored: storage.getItem('moim.server') }
}

describe('offerFromLink', () => {
  it('shows the host of a server named by the link', () => {
    expect(
      offerFromLink({ room: 'friday', server: 'https://evil.example:8443/moim' }, null),
    ).toEqual({
      ok: true,
      offer: {
        room: 'friday',
        server: { kind: 'link', url: 'https://evil.example:8443/moim', host: 'evil.example:8443' },
        leaves: null,
        key: null,
      },
    })
  })

  it('shows look-alike host names in their punycode form', () => {
    const result = offerFromLink({ room: 'friday', server: 'https://mоim.app' }, null)
    expect(result.ok && result.offer.server.kind === 'link' && result.offer.server.host).toBe(
      'xn--mim-sed.app',
    )
  })

  it('a link without a server uses the saved one; a link to the current call offers nothing', () => {
    expect(offerFromLink({ room: 'friday', server: null }, 'monday')).toEqual({
      ok: true,
      offer: { room: 'friday', server: { kind: 'saved' }, leaves: 'monday', key: null },
    })
    expect(offerFromLink({ room: 'friday', server: null }, 'friday')).toEqual({
      ok: false,
      reason: 'same-call',
    })
  })

  it('refuses what main should already have refused', () => {
    expect(offerFromLink({ room: '../x', server: null }, null)).toMatchObject({ ok: false })
    expect(offerFromLink({ room: 'x', server: 'javascript:alert(1)' }, null)).toMatchObject({
      ok: false,
      reason: 'invalid-server',
    })
  })
})

describe('the confirmation rule', () => {
  it('receiving a link only opens the dialog: nothing is joined, filled in or saved', () => {
    const { mock } = fakeSession()
    const before = savedSettings()
    receiveLink({ room: 'x', server: 'https://evil.example' }, null)
    expect(desktopStore.getState().linkOffer).toMatchObject({
      room: 'x',
      server: { kind: 'link', host: 'evil.example' },
    })
    expect(mock.join).not.toHaveBeenCalled()
    expect(lobbyStore.getState()).toMatchObject({ room: 'lobby-room', linkServer: null })
    expect(savedSettings()).toEqual(before)
  })

  it('declining changes nothing', () => {
    const before = savedSettings()
    receiveLink({ room: 'x', server: 'https://evil.example' }, null)
    declineLink()
    expect(desktopStore.getState().linkOffer).toBeNull()
    expect(lobbyStore.getState()).toMatchObject({ room: 'lobby-room', linkServer: null })
    expect(savedSettings()).toEqual(before)
  })

  it("accepting joins through the link's server once; the saved server never changes", async () => {
    const { session, joins } = fakeSession()
    const before = savedSettings()
    const result = receiveLink({ room: 'x', server: 'https://evil.example' }, null)
    if (!result.ok) throw new Error('no offer')
    await acceptLink(result.offer, 'Ada', session, desktop)
    expect(joins).toEqual([
      expect.objectContaining({ serverUrl: 'https://evil.example', room: 'x', name: 'Ada' }),
    ])
    expect(savedSettings()).toEqual(before)
    // Joined: the link's server is spent. The next join goes to the saved server.
    expect(lobbyStore.getState().linkServer).toBeNull()
    lobbyStore.getState().update({ room: 'x' })
    await joinFromLobby(session, desktop)
    expect(joins[1].serverUrl).toBe(SAVED_SERVER)
  })

  it("a refused join (wrong password) may retry the link's room, but no other room", async () => {
    const { session, joins } = fakeSession(false)
    const result = receiveLink({ room: 'x', server: 'https://evil.example' }, null)
    if (!result.ok) throw new Error('no offer')
    await acceptLink(result.offer, 'Ada', session, desktop)
    expect(lobbyStore.getState().linkServer).toMatchObject({ room: 'x', host: 'evil.example' })
    lobbyStore.getState().update({ password: 'secret' })
    await joinFromLobby(session, desktop)
    expect(joins[1]).toMatchObject({ serverUrl: 'https://evil.example', password: 'secret' })
    // Typing another room's name: the link's server no longer applies.
    lobbyStore.getState().update({ room: 'y' })
    await joinFromLobby(session, desktop)
    expect(joins[2]).toMatchObject({ serverUrl: SAVED_SERVER, room: 'y' })
  })

  it("an invite-only call's key goes with that room's join, and with no other room's", async () => {
    const { session, joins } = fakeSession(false)
    const key = 'AbCdEfGhIjKlMnOpQrStUv'
    const result = receiveLink({ room: 'x', server: 'https://lan.example', key }, null)
    if (!result.ok) throw new Error('no offer')
    await acceptLink(result.offer, 'Ada', session, desktop)
    expect(joins[0]).toMatchObject({ room: 'x', key })
    lobbyStore.getState().update({ room: 'y' })
    await joinFromLobby(session, desktop)
    expect(joins[1]?.key).toBeUndefined()
  })

  it('a link without a server joins through the saved server (or the bundled one)', async () => {
    const { session, joins } = fakeSession()
    const remote = receiveLink({ room: 'x', server: null }, null)
    if (!remote.ok) throw new Error('no offer')
    await acceptLink(remote.offer, 'Ada', session, desktop)
    settingsStore.getState().setMode('host')
    const hosted = receiveLink({ room: 'y', server: null }, null)
    if (!hosted.ok) throw new Error('no offer')
    await acceptLink(hosted.offer, 'Ada', session, desktop)
    expect(joins.map((join) => join.serverUrl)).toEqual([SAVED_SERVER, HOST_URL])
    expect(settingsStore.getState().remoteUrl).toBe(SAVED_SERVER)
  })

  it('accepting during a call leaves it first', async () => {
    const { session, mock } = fakeSession()
    const order: string[] = []
    mock.leave.mockImplementation(async () => void order.push('leave'))
    mock.join.mockImplementation(async () => {
      order.push('join')
      return true
    })
    const result = receiveLink({ room: 'x', server: null }, 'monday')
    if (!result.ok) throw new Error('no offer')
    await acceptLink(result.offer, 'Ada', session, desktop)
    expect(order).toEqual(['leave', 'join'])
  })
})
