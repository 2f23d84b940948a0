/**
 * Descriptions that arrive after the exchange they belong to is settled. An unanswered offer is
 * sent again (peerLink's offer retry), so on a slow machine the answerer can see the same offer
 * twice and the offerer can see an answer once it is already stable. Applying either would fail
 * (an answer in "stable") or start a needless renegotiation whose answer is stale in turn.
 */

/**
 * The SDP origin line names a session and its version; a re-sent offer repeats it, a new offer
 * raises the version (JSEP 5.2.2). Candidates trickled since do not change it, unlike the body.
 */
export function sdpOrigin(sdp: string | undefined): string | undefined {
  if (sdp === undefined) return undefined
  return /^o=.*$/m.exec(sdp)?.[0] ?? sdp
}

export type DescriptionVerdict =
  | 'apply'
  /** The offer we already answered: the answer was lost or is late, so send it again. */
  | 'resend-answer'
  /** An answer with no offer of ours waiting for it: a duplicate of one already applied. */
  | 'ignore'

export interface DescriptionState {
  signalingState: RTCSignalingState
  remoteDescription: RTCSessionDescriptionInit | null
  localDescription: RTCSessionDescriptionInit | null
}

export function judgeDescription(
  state: DescriptionState,
  incoming: RTCSessionDescriptionInit,
): DescriptionVerdict {
  if (incoming.type === 'answer') {
    return state.signalingState === 'have-local-offer' ? 'apply' : 'ignore'
  }
  if (
    incoming.type === 'offer' &&
    state.signalingState === 'stable' &&
    state.remoteDescription?.type === 'offer' &&
    state.localDescription?.type === 'answer' &&
    sdpOrigin(state.remoteDescription.sdp) === sdpOrigin(incoming.sdp)
  ) {
    return 'resend-answer'
  }
  return 'apply'
}
