/**
 * The board painter's sliced bake, as decisions without a canvas (so they can be tested): what
 * the next bit of a frame's budget goes to, and whether a late joiner's picture is still worth
 * showing.
 */

export interface BakeState {
  /**
   * The exact board is being baked in a buffer of its own while the shown one is something
   * else (a late joiner's picture, the board before an undo, the old size scaled).
   */
  separate: boolean
  /** Operations already drawn into that separate buffer. */
  drawn: number
  /** Operations worked out (a fill's region needs everything before it). */
  recorded: number
  /** Operations accepted but not worked out yet. */
  pending: number
  /** The shown buffer is a late joiner's picture and the rest of the board is still coming. */
  holdPicture: boolean
}

export type BakeStep =
  /** Draw the next recorded operation into the separate buffer. */
  | 'draw'
  /** Work out (and, without a separate buffer, draw) the next pending operation. */
  | 'record'
  /** The separate buffer has everything: show it. */
  | 'swap'
  /** Everything is baked but a picture must stay until the board has come. */
  | 'hold'
  /** The shown buffer is exact. */
  | 'idle'

export function nextBakeStep(s: BakeState): BakeStep {
  // Catch up before recording more, so the separate buffer is never far behind.
  if (s.separate && s.drawn < s.recorded) return 'draw'
  if (s.pending > 0) return 'record'
  if (!s.separate) return 'idle'
  // Swapping in a part of the board would replace the picture with less than it shows.
  return s.holdPicture ? 'hold' : 'swap'
}

/**
 * Whether a decoded picture may be shown: not once the board is drawn exactly (it could only be
 * older), but while the board is still coming or still being baked.
 */
export function pictureWanted(s: { exact: boolean; loading: boolean }): boolean {
  return s.loading || !s.exact
}
