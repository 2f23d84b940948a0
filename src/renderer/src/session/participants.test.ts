import { describe, expect, it } from 'vitest'
import { createCallStore } from '../store/callStore'
import { patchParticipant, remoteParticipant } from './participants'

const stream = {} as MediaStream

describe('patchParticipant', () => {
  it('changes the state only when a field actually changes', () => {
    const store = createCallStore()
    store.setState({ participants: { p: remoteParticipant({ id: 'p', name: 'Bo' }) } })
    let notified = 0
    store.subscribe(() => notified++)
    patchParticipant(store, 'p', { connection: 'connecting', screenStreams: [] })
    expect(notified).toBe(0)
    patchParticipant(store, 'p', { connection: 'connected', cameraStream: stream })
    expect(notified).toBe(1)
    const before = store.getState().participants
    patchParticipant(store, 'p', { screenStreams: [], cameraStream: stream })
    expect(store.getState().participants).toBe(before)
    patchParticipant(store, 'p', { screenStreams: [{ id: 's1', stream }] })
    patchParticipant(store, 'p', { screenStreams: [{ id: 's1', stream }] })
    expect(notified).toBe(2)
    expect(store.getState().participants.p).toMatchObject({
      connection: 'connected',
      screenStreams: [{ id: 's1', stream }],
    })
  })

  it('ignores a participant that is not there', () => {
    const store = createCallStore()
    const before = store.getState()
    patchParticipant(store, 'nobody', { connection: 'connected' })
    expect(store.getState()).toBe(before)
  })
})
