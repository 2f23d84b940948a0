import { describe, expect, it } from 'vitest'
import type { Participant } from '../../store/callStore'
import { translate } from '../../i18n/translate'
import { buildTiles, chooseFeatured, diffRoster, reuseTiles, tileLabel } from './tiles'

const stream = (id: string) => ({ id }) as MediaStream

function person(id: string, extra: Partial<Participant> = {}): Participant {
  return {
    id,
    name: id.toUpperCase(),
    isSelf: false,
    audioEnabled: true,
    videoEnabled: true,
    cameraStream: stream(`cam-${id}`),
    screenStreams: [],
    connection: 'connected',
    ...extra,
  }
}

describe('buildTiles', () => {
  it('makes a camera tile per person and a separate tile per screen share', () => {
    const tiles = buildTiles([
      person('me', { isSelf: true, screenStreams: [{ id: 's1', stream: stream('s1') }] }),
      person('bo'),
    ])
    expect(tiles.map((t) => t.key)).toEqual(['camera:me', 'camera:bo', 'screen:s1'])
    expect(tiles[2].kind).toBe('screen')
    expect(tiles[2].participant.id).toBe('me')
  })
})

describe('chooseFeatured', () => {
  const tiles = buildTiles([
    person('me', { isSelf: true, screenStreams: [{ id: 'mine', stream: stream('mine') }] }),
    person('bo', { screenStreams: [{ id: 'bos', stream: stream('bos') }] }),
  ])

  it('prefers the pinned tile', () => {
    expect(chooseFeatured(tiles, 'camera:me')).toBe('camera:me')
  })

  it("features someone else's screen, never your own", () => {
    expect(chooseFeatured(tiles, null)).toBe('screen:bos')
    expect(
      chooseFeatured(
        tiles.filter((t) => t.key !== 'screen:bos'),
        null,
      ),
    ).toBeNull()
  })

  it('forgets a pin whose tile is gone', () => {
    expect(chooseFeatured(tiles, 'camera:gone')).toBe('screen:bos')
  })
})

describe('diffRoster', () => {
  it('reports joins and leaves by name', () => {
    const before = new Map([
      ['a', 'Ana'],
      ['b', 'Bo'],
    ])
    const after = new Map([
      ['a', 'Ana'],
      ['c', 'Chul'],
    ])
    expect(diffRoster(before, after)).toEqual([
      { kind: 'joined', name: 'Chul' },
      { kind: 'left', name: 'Bo' },
    ])
  })
})

describe('tileLabel', () => {
  const tiles = buildTiles([
    person('me', {
      name: 'Ana',
      isSelf: true,
      screenStreams: [{ id: 's1', stream: stream('s1') }],
    }),
    person('bo', { name: 'Bo', screenStreams: [{ id: 's2', stream: stream('s2') }] }),
  ])
  const label = (lang: 'en' | 'ko') =>
    tiles.map((tile) => tileLabel(tile, (key, vars) => translate(lang, key, vars)))

  it('uses the names the E2E contract expects', () => {
    expect(label('en')).toEqual(['Ana (you)', 'Bo', 'Screen shared by you', 'Screen shared by Bo'])
  })

  it('is translated', () => {
    expect(label('ko')).toEqual(['Ana (나)', 'Bo', '내 화면', 'Bo 님의 화면'])
  })
})

describe('reuseTiles', () => {
  it('keeps the old tile objects of unchanged participants', () => {
    const ana = person('ana')
    const bo = person('bo')
    const before = buildTiles([ana, bo])
    const cache = new Map(before.map((tile) => [tile.key, tile]))
    const boMuted = { ...bo, audioEnabled: false }
    const after = reuseTiles(cache, buildTiles([ana, boMuted]))
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
    expect(after[1].participant).toBe(boMuted)
  })
})
