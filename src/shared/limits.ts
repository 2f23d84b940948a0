/** Limits shared by the signaling server and every client. */
export const PROTOCOL_VERSION = 1

export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export const NAME_MAX_LENGTH = 32
export const PASSWORD_MAX_LENGTH = 128

export const MIN_CAPACITY = 2
export const MAX_CAPACITY = 12
export const DEFAULT_CAPACITY = 6

/** An SDP for a 12-way mesh with simulcast stays far below this; anything larger is hostile. */
export const MAX_SDP_LENGTH = 100_000
export const MAX_CANDIDATE_LENGTH = 2_048

export const DEFAULT_PORT = 4477
export const DEFAULT_HOST = '127.0.0.1'
