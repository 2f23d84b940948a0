import { cameraBudget } from '../../src/renderer/src/rtc/videoBudget'

/**
 * The app's lobby capture constraints (src/renderer/src/media/localMedia.ts), for the bare
 * pages: both sides capture the same camera picture. Written out as a script expression.
 */
export const CAPTURE_CONSTRAINTS_JS = JSON.stringify({
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30, max: 30 } },
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
})

/** The app's camera budget for a room of four, as a script expression. */
export const FOUR_PERSON_BUDGET_JS = JSON.stringify(cameraBudget(3))
