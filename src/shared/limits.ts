/** Limits shared by the signaling server and every client. */
export const PROTOCOL_VERSION = 1

/**
 * Room ids: 1-64 Unicode letters, combining marks and digits plus `_` and `-`, in NFC. Control,
 * format (bidi, zero-width), space and symbol characters never match. With the `u` flag the
 * length counts code points, so 금요일 is 3.
 */
export const ROOM_ID_PATTERN = /^[\p{L}\p{M}\p{N}_-]{1,64}$/u
export const ROOM_ID_MAX_LENGTH = 64
export const NAME_MAX_LENGTH = 32
export const PASSWORD_MAX_LENGTH = 128

export const MIN_CAPACITY = 2
export const MAX_CAPACITY = 12
export const DEFAULT_CAPACITY = 6

/** An SDP for a 12-way mesh with simulcast stays far below this; anything larger is hostile. */
export const MAX_SDP_LENGTH = 100_000
export const MAX_CANDIDATE_LENGTH = 2_048

/** Room keys (invite-only rooms): 128 random bits or more, base64url. */
export const ROOM_KEY_PATTERN = /^[A-Za-z0-9_-]{22,86}$/

export const DEFAULT_PORT = 4477
export const DEFAULT_HOST = '127.0.0.1'
