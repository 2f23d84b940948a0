import { describe, expect, it } from 'vitest'
import { MutedSpeech } from './mutedSpeech'

/** Runs ticks written as a string ("s" speaking, "." quiet) and returns the hint after each. */
function run(ticks: string, options = { onTicks: 3, offTicks: 4 }): string {
  const hint = new MutedSpeech(options)
  return [...ticks].map((t) => (hint.sample(t === 's') ? 'H' : '-')).join('')
}

describe("the muted-speech hint ('You're muted')", () => {
  it.each([
    ['quiet never shows it', '........', '--------'],
    ['a short sound does not count', 'ss.ss.ss', '--------'],
    ['speaking for three ticks shows it', 'sss.....', '--HHHH--'],
    ['it stays while speaking goes on with pauses', 'sss..s..ss....', '--HHHHHHHHHHH-'],
    ['quiet for four ticks hides it; speaking again shows it again', 'sss....sss', '--HHHH---H'],
  ])('%s', (_name, ticks, expected) => {
    expect(run(ticks)).toBe(expected)
  })

  it('reset hides it at once (unmuted)', () => {
    const hint = new MutedSpeech({ onTicks: 1, offTicks: 10 })
    expect(hint.sample(true)).toBe(true)
    hint.reset()
    expect(hint.shown).toBe(false)
    expect(hint.sample(false)).toBe(false)
  })
})
