/**
 * Points. A guesser scores more the sooner they guess (from GUESS_MAX_POINTS at the start down
 * to GUESS_MIN_POINTS at the buzzer), so speed matters but a late guess still counts; the
 * drawer scores DRAWER_POINTS_PER_GUESS for every player who guessed their drawing.
 */

export const GUESS_MAX_POINTS = 300
export const GUESS_MIN_POINTS = 50
export const DRAWER_POINTS_PER_GUESS = 50

export function guesserPoints(elapsedMs: number, drawMs: number): number {
  if (drawMs <= 0) return GUESS_MIN_POINTS
  const left = Math.min(1, Math.max(0, 1 - elapsedMs / drawMs))
  return Math.round(GUESS_MIN_POINTS + (GUESS_MAX_POINTS - GUESS_MIN_POINTS) * left)
}

export function drawerPoints(correctGuesses: number): number {
  return DRAWER_POINTS_PER_GUESS * Math.max(0, correctGuesses)
}

export interface Ranked {
  id: string
  score: number
}

/** Places for the podium: equal scores share a place (1, 1, 3). Sorted by score, descending. */
export function rankPlayers<T extends Ranked>(players: readonly T[]): Array<T & { place: number }> {
  const sorted = [...players].sort((a, b) => b.score - a.score)
  let place = 0
  return sorted.map((p, i) => {
    if (i === 0 || p.score !== sorted[i - 1].score) place = i + 1
    return { ...p, place }
  })
}
