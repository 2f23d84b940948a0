/**
 * Size limits of data-channel frames. A text frame longer than its limit is dropped before
 * JSON.parse, so a hostile peer cannot make a receiver parse megabytes.
 */

/** Characters (UTF-16 code units) in one text frame on the control channel. */
export const MAX_CONTROL_TEXT_CHARS = 64 * 1024

/** Characters in one text frame on the volatile channel (cursors are tiny). */
export const MAX_VOLATILE_TEXT_CHARS = 1024

/** Bytes in one binary frame on the control channel (tag byte included). */
export const MAX_CONTROL_BINARY_BYTES = 64 * 1024
