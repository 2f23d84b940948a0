import { describe, expect, it } from 'vitest'
import { parseChannelMessage, primeChannelParser, type MediaStateMessage } from './channel'

const media: MediaStateMessage = {
  type: 'media',
  audio: true,
  video: false,
  cameraStreamId: 'stream-1',
  screenStreamIds: ['screen-1'],
}

describe('data channel messages', () => {
  it('parses a media state message', () => {
    expect(parseChannelMessage(JSON.stringify(media))).toEqual(media)
  })

  it('returns null for anything malformed, never throws', () => {
    expect(parseChannelMessage('{not json')).toBeNull()
    expect(parseChannelMessage(JSON.stringify({ type: 'chat', text: 'hi' }))).toBeNull()
    expect(parseChannelMessage(JSON.stringify({ ...media, extra: 1 }))).toBeNull()
    expect(
      parseChannelMessage(JSON.stringify({ ...media, screenStreamIds: ['a', 'b', 'c', 'd', 'e'] })),
    ).toBeNull()
  })

  it('priming runs the parser once ahead and changes nothing', () => {
    expect(() => primeChannelParser()).not.toThrow()
    expect(parseChannelMessage(JSON.stringify(media))).toEqual(media)
    expect(parseChannelMessage('null')).toBeNull()
  })
})
