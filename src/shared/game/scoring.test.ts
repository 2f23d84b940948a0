import { describe, expect, it } from 'vitest'
import {
  drawerPoints,
  DRAWER_POINTS_PER_GUESS,
  GUESS_MAX_POINTS,
  GUESS_MIN_POINTS,
  guesserPoints,
  rankPlayers,
} from './scoring'

describe('scoring', () => {
  it('pays faster guesses more, from the maximum down to the minimum', () => {
    expect(guesserPoints(0, 80_000)).toBe(GUESS_MAX_POINTS)
    expect(guesserPoints(80_000, 80_000)).toBe(GUESS_MIN_POINTS)
    expect(guesserPoints(100_000, 80_000)).toBe(GUESS_MIN_POINTS)
    const early = guesserPoints(10_000, 80_000)
    const late = guesserPoints(60_000, 80_000)
    expect(early).toBeGreaterThan(late)
    expect(guesserPoints(40_000, 80_000)).toBe(175)
  })

  it('pays the drawer for each correct guess', () => {
    expect(drawerPoints(0)).toBe(0)
    expect(drawerPoints(3)).toBe(3 * DRAWER_POINTS_PER_GUESS)
  })

  it('ranks with shared places for equal scores', () => {
    const ranked = rankPlayers([
      { id: 'a', score: 100 },
      { id: 'b', score: 300 },
      { id: 'c', score: 100 },
      { id: 'd', score: 50 },
    ])
    expect(ranked.map((p) => [p.id, p.place])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ])
  })
})
