import { describe, expect, it } from 'vitest'
import { buildAppInviteUrl, buildInviteLinks, buildWebInviteUrl } from './inviteLinks'

describe('buildWebInviteUrl', () => {
  it('keeps only the room parameter', () => {
    expect(buildWebInviteUrl('http://127.0.0.1:4477/?room=old&lang=ko#x', 'friday')).toBe(
      'http://127.0.0.1:4477/?room=friday',
    )
  })
})

describe('room keys and Unicode rooms', () => {
  const KEY = 'AbCdEfGhIjKlMnOpQrStUv'
  const PIN = 'p'.repeat(43)

  it('puts the key in the fragment of web links and in the app link', () => {
    expect(buildWebInviteUrl('https://192.168.1.20:5001/', '금요일', KEY)).toBe(
      `https://192.168.1.20:5001/?room=%EA%B8%88%EC%9A%94%EC%9D%BC#key=${KEY}`,
    )
    expect(buildAppInviteUrl('금요일', 'https://192.168.1.20:5001', KEY)).toBe(
      `moim://join/%EA%B8%88%EC%9A%94%EC%9D%BC?server=https%3A%2F%2F192.168.1.20%3A5001&key=${KEY}`,
    )
  })

  it('every hosted-call link carries the key', () => {
    const links = buildInviteLinks({
      room: 'friday',
      pageUrl: 'app://moim/index.html',
      desktop: true,
      serverUrl: 'http://127.0.0.1:5000',
      lanUrls: ['https://192.168.1.20:5001'],
      key: KEY,
      certificatePin: PIN,
    })
    expect(links.map((link) => link.url)).toEqual([
      `https://192.168.1.20:5001/?room=friday#key=${KEY}`,
      `moim://join/friday?server=https%3A%2F%2F192.168.1.20%3A5001&key=${KEY}&cert=${PIN}`,
    ])
  })
})

describe('buildAppInviteUrl', () => {
  it('encodes the room and server', () => {
    expect(buildAppInviteUrl('team_a', 'https://moim.example.com')).toBe(
      'moim://join/team_a?server=https%3A%2F%2Fmoim.example.com',
    )
    expect(buildAppInviteUrl('team_a', null)).toBe('moim://join/team_a')
  })
})

describe('buildInviteLinks', () => {
  const base = { room: 'friday', pageUrl: 'http://h:1/?room=friday&lang=en', serverUrl: null }

  it('offers the page URL in the web client', () => {
    expect(buildInviteLinks({ ...base, desktop: false, lanUrls: [] })).toEqual([
      { kind: 'web', url: 'http://h:1/?room=friday' },
    ])
  })

  it('offers every LAN address and an app link when hosting on desktop', () => {
    const links = buildInviteLinks({
      ...base,
      desktop: true,
      serverUrl: 'http://127.0.0.1:5000',
      lanUrls: ['http://192.168.1.20:5000', 'http://10.0.0.5:5000'],
    })
    expect(links).toEqual([
      { kind: 'lan', url: 'http://192.168.1.20:5000/?room=friday', address: '192.168.1.20:5000' },
      { kind: 'lan', url: 'http://10.0.0.5:5000/?room=friday', address: '10.0.0.5:5000' },
      { kind: 'app', url: 'moim://join/friday?server=http%3A%2F%2F192.168.1.20%3A5000' },
    ])
  })

  it("offers a remote server's web client and app link", () => {
    const links = buildInviteLinks({
      ...base,
      desktop: true,
      serverUrl: 'https://moim.example.com/base',
      lanUrls: [],
    })
    expect(links.map((l) => l.url)).toEqual([
      'https://moim.example.com/base/?room=friday',
      'moim://join/friday?server=https%3A%2F%2Fmoim.example.com%2Fbase',
    ])
  })

  it('never offers a loopback address as a web link', () => {
    const links = buildInviteLinks({
      ...base,
      desktop: true,
      serverUrl: 'http://127.0.0.1:5000',
      lanUrls: [],
    })
    expect(links).toEqual([{ kind: 'app', url: 'moim://join/friday' }])
  })
})
