/**
 * The data channels a Moim peer connection may carry, by label. A receiver accepts exactly these
 * and closes any other channel the remote side opens.
 */

/** Ordered and reliable: media state, chat, whiteboard operations (JSON text, tagged binary). */
export const CONTROL_LABEL = 'moim'

/** Unordered, no retransmissions: data only worth having if it is fresh (cursors). */
export const VOLATILE_LABEL = 'moim-volatile'

/** Bulk binary data, one channel per transfer, opened on demand: `moim-bulk:<transfer id>`. */
export const BULK_LABEL_PREFIX = 'moim-bulk:'
const BULK_ID = /^[A-Za-z0-9_-]{1,32}$/

export type ChannelKind = 'control' | 'volatile' | 'bulk'

/** RTCDataChannelInit, as far as Moim's channels use it. */
export interface ChannelOptions {
  ordered: boolean
  maxRetransmits?: number
}

/** The options each side's channels are made with (documented in docs/protocol.md). */
export const CHANNEL_INIT: Readonly<Record<ChannelKind, ChannelOptions>> = {
  control: { ordered: true },
  volatile: { ordered: false, maxRetransmits: 0 },
  bulk: { ordered: true },
}

export function bulkLabel(id: string): string {
  if (!BULK_ID.test(id)) throw new Error(`invalid bulk channel id "${id}"`)
  return `${BULK_LABEL_PREFIX}${id}`
}

/** The id of a bulk channel's label, or null when the label is not one. */
export function bulkIdOf(label: string): string | null {
  if (!label.startsWith(BULK_LABEL_PREFIX)) return null
  const id = label.slice(BULK_LABEL_PREFIX.length)
  return BULK_ID.test(id) ? id : null
}

/** What kind of channel a label names, or null for a label no Moim client opens. */
export function channelKindOf(label: string): ChannelKind | null {
  if (label === CONTROL_LABEL) return 'control'
  if (label === VOLATILE_LABEL) return 'volatile'
  return bulkIdOf(label) !== null ? 'bulk' : null
}
