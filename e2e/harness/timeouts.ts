/**
 * Generous because two shared cores may be decoding a dozen fake-camera streams; every wait
 * ends as soon as its condition holds, so this only bounds how long a failure takes to show.
 */
export const WAIT_TIMEOUT = 45_000

/** Per test: several joins plus several waits, each bounded by WAIT_TIMEOUT. */
export const SPEC_TIMEOUT = 240_000
