/** Store updates for the participant list (pure helpers over callStore). */
import type { PeerInfo } from '../../../shared/protocol'
import type { CallStore, Participant, ScreenShare } from '../store/callStore'

export function remoteParticipant(peer: PeerInfo): Participant {
  return {
    id: peer.id,
    name: peer.name,
    isSelf: false,
    // Unknown until the peer's first media message arrives over the data channel.
    audioEnabled: null,
    videoEnabled: null,
    cameraStream: null,
    screenStreams: [],
    connection: 'connecting',
  }
}

/** Equal for the UI: the same value, or arrays of the same items (compared field by field). */
function sameField(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  return a.every((item: unknown, i) => {
    const other: unknown = b[i]
    if (Object.is(item, other)) return true
    if (typeof item !== 'object' || typeof other !== 'object' || !item || !other) return false
    const keys = Object.keys(item)
    return (
      keys.length === Object.keys(other).length &&
      keys.every((k) => Object.is(item[k as keyof typeof item], other[k as keyof typeof other]))
    )
  })
}

/**
 * Merges a change into one participant. A change that changes nothing leaves the state as it
 * is, so nothing re-renders: peers re-announce their state and streams often.
 */
export function patchParticipant(
  store: CallStore,
  id: string,
  partial: Partial<Participant>,
): void {
  store.setState((s) => {
    const current = s.participants[id]
    if (!current) return s
    const changed = (Object.keys(partial) as (keyof Participant)[]).some(
      (key) => !sameField(current[key], partial[key]),
    )
    if (!changed) return s
    return { participants: { ...s.participants, [id]: { ...current, ...partial } } }
  })
}

/** Adds a peer, or renames it if already present (a resumed peer keeps its tile and streams). */
export function upsertPeer(store: CallStore, peer: PeerInfo): void {
  store.setState((s) => {
    const existing = s.participants[peer.id]
    const next = existing ? { ...existing, name: peer.name } : remoteParticipant(peer)
    return { participants: { ...s.participants, [peer.id]: next } }
  })
}

export function removeParticipant(store: CallStore, id: string): void {
  store.setState((s) => {
    if (!s.participants[id]) return s
    const participants = { ...s.participants }
    delete participants[id]
    return { participants }
  })
}

/** Screen tiles are the streams a peer announced that have actually arrived, in its order. */
export function visibleScreens(
  announced: readonly string[],
  received: ReadonlyMap<string, MediaStream> | undefined,
): ScreenShare[] {
  return announced
    .map((id) => ({ id, stream: received?.get(id) }))
    .filter((s): s is ScreenShare => !!s.stream)
}
