import { describe, expect, it } from 'vitest'
import { judgeDescription, sdpOrigin, type DescriptionState } from './staleDescription'

const sdp = (version: number, extra = '') =>
  `v=0\r\no=- 4611731400430051336 ${version} IN IP4 127.0.0.1\r\ns=-\r\n${extra}`
const offer = (version: number, extra = ''): RTCSessionDescriptionInit => ({
  type: 'offer',
  sdp: sdp(version, extra),
})
const answer = (version: number): RTCSessionDescriptionInit => ({
  type: 'answer',
  sdp: sdp(version),
})

const answered: DescriptionState = {
  signalingState: 'stable',
  remoteDescription: offer(2, 'a=candidate:1 1 udp 1 127.0.0.1 5000 typ host\r\n'),
  localDescription: answer(7),
}

describe('sdpOrigin', () => {
  it('is the o= line, whatever candidates were trickled into the body since', () => {
    expect(sdpOrigin(offer(2).sdp)).toBe('o=- 4611731400430051336 2 IN IP4 127.0.0.1')
    expect(sdpOrigin(answered.remoteDescription?.sdp)).toBe(sdpOrigin(offer(2).sdp))
  })
  it('falls back to the whole text when there is no origin line', () => {
    expect(sdpOrigin('{"fake":1}')).toBe('{"fake":1}')
    expect(sdpOrigin(undefined)).toBeUndefined()
  })
})

describe('judgeDescription', () => {
  it.each<[string, DescriptionState, RTCSessionDescriptionInit, string]>([
    [
      'answer to the offer we are waiting on',
      { ...answered, signalingState: 'have-local-offer' },
      answer(8),
      'apply',
    ],
    ['answer while stable (a duplicate)', answered, answer(7), 'ignore'],
    [
      'answer in have-remote-offer',
      { ...answered, signalingState: 'have-remote-offer' },
      answer(7),
      'ignore',
    ],
    ['the offer we already answered, again', answered, offer(2), 'resend-answer'],
    ['a new offer (higher version)', answered, offer(3), 'apply'],
    [
      'the same offer while our own offer is out (glare rules decide)',
      { ...answered, signalingState: 'have-local-offer' },
      offer(2),
      'apply',
    ],
    [
      'an offer after our own offer was answered',
      { ...answered, remoteDescription: answer(9), localDescription: offer(4) },
      offer(2),
      'apply',
    ],
    [
      'the first offer',
      { signalingState: 'stable', remoteDescription: null, localDescription: null },
      offer(1),
      'apply',
    ],
  ])('%s', (_name, state, incoming, verdict) => {
    expect(judgeDescription(state, incoming)).toBe(verdict)
  })
})
