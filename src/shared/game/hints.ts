/**
 * When letters are revealed. Hints are spread evenly over the drawing time (the k-th of n at
 * k/(n+1) of it), so the last one still leaves time to use it; at most half the letters are
 * ever revealed, so a hint never gives the whole word away.
 */
import { letterIndices } from './mask'

/** How many letters this word will reveal with `hints` hints set. */
export function hintCount(word: string, hints: number): number {
  return Math.max(0, Math.min(hints, Math.floor(letterIndices(word).length / 2)))
}

/** Milliseconds after the drawing started at which each hint is revealed, ascending. */
export function hintTimes(drawMs: number, count: number): number[] {
  const out: number[] = []
  for (let k = 1; k <= count; k++) out.push(Math.round((drawMs * k) / (count + 1)))
  return out
}

/** Hints due `elapsedMs` into the drawing. */
export function hintsDue(elapsedMs: number, drawMs: number, count: number): number {
  return hintTimes(drawMs, count).filter((t) => t <= elapsedMs).length
}

/**
 * The order in which letters are revealed: a shuffle of the letter slots. `random` returns
 * [0, 1) like Math.random; tests pass a seeded one.
 */
export function revealOrder(word: string, random: () => number): number[] {
  const order = letterIndices(word)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}
