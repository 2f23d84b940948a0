import { describe, expect, it } from 'vitest'
import type { Participant } from './callStore'
import { sortParticipants } from './useCallStore'

const person = (id: string, name: string, isSelf = false): Participant => ({
  id,
  name,
  isSelf,
  audioEnabled: true,
  videoEnabled: true,
  cameraStream: null,
  screenStreams: [],
  connection: 'connected',
})

describe('sortParticipants', () => {
  it('puts self first, then orders by name, then by id', () => {
    const participants = {
      z: person('z', 'Bo'),
      a: person('a', 'Bo'),
      me: person('me', 'Zed', true),
      k: person('k', 'ana'),
      h: person('h', '하나'),
    }
    expect(sortParticipants(participants).map((p) => p.id)).toEqual(['me', 'k', 'a', 'z', 'h'])
  })

  it('answers the same participants object with the same array, and a new one afresh', () => {
    const first = { a: person('a', 'Ann'), b: person('b', 'Bo') }
    const list = sortParticipants(first)
    expect(sortParticipants(first)).toBe(list)
    const next = { ...first, c: person('c', 'Al') }
    expect(sortParticipants(next).map((p) => p.id)).toEqual(['c', 'a', 'b'])
  })
})
