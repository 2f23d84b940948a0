/** What the files engine tells its owner: offers and transfers as plain data. */

export type FileErrorCode =
  | 'cancelled'
  | 'cancelled-by-peer'
  | 'withdrawn'
  | 'peer-left'
  | 'hash-mismatch'
  | 'write-failed'
  | 'read-failed'
  | 'quota'
  | 'no-opfs'
  | 'too-large'
  | 'too-many'
  | 'busy'
  | 'protocol'

/**
 * connecting: accepted, bytes not flowing yet; active: bytes flowing; waiting: the link broke,
 * the transfer resumes when the peer is back; verifying: every byte is there, the hash is being
 * checked; done: verified; failed: over (see error), nothing of it is kept.
 */
export type TransferStatus = 'connecting' | 'active' | 'waiting' | 'verifying' | 'done' | 'failed'

export interface TransferInfo {
  id: string
  offerKey: string
  /** The other side: the receiver of an outgoing transfer, the sender of an incoming one. */
  peerId: string
  direction: 'in' | 'out'
  status: TransferStatus
  /** Bytes the receiver has written (acknowledged, on the sending side). */
  bytes: number
  size: number
  /** The verified SHA-256 (hex), once done. */
  sha256: string | null
  error: FileErrorCode | null
}

/** open: can be accepted; withdrawn: the sender took it back; gone: the sender left. */
export type OfferState = 'open' | 'withdrawn' | 'gone'

export interface OfferInfo {
  /** `<sender peer id>/<offer id>`: offer ids are only unique per sender. */
  key: string
  offerId: string
  from: string
  self: boolean
  /** Sanitised: safe to show and to save. */
  name: string
  size: number
  mime: string
  at: number
  state: OfferState
  /** Incoming: what this user answered. */
  answer: 'pending' | 'accepted' | 'declined'
  /** Outgoing: peers that declined. */
  declinedBy: string[]
  /** Incoming: why the last Accept could not start (limits, storage). */
  error: FileErrorCode | null
}

export function offerKey(from: string, offerId: string): string {
  return `${from}/${offerId}`
}

export function isOver(status: TransferStatus): boolean {
  return status === 'done' || status === 'failed'
}
