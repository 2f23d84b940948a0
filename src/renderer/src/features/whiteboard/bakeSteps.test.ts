import { describe, expect, it } from 'vitest'
import { nextBakeStep, pictureWanted, type BakeState } from './bakeSteps'

const state = (s: Partial<BakeState>): BakeState => ({
  separate: false,
  drawn: 0,
  recorded: 0,
  pending: 0,
  holdPicture: false,
  ...s,
})

describe('the painter’s sliced bake', () => {
  it.each<[Partial<BakeState>, string]>([
    [{}, 'idle'],
    // Straight into the shown buffer (nothing else to show meanwhile): record and draw.
    [{ pending: 3 }, 'record'],
    [{ recorded: 5, pending: 1 }, 'record'],
    // Into a buffer of its own: the drawing catches up before more is recorded.
    [{ separate: true, recorded: 2, drawn: 1, pending: 4 }, 'draw'],
    [{ separate: true, recorded: 2, drawn: 2, pending: 4 }, 'record'],
    [{ separate: true, recorded: 2, drawn: 2 }, 'swap'],
    [{ separate: true }, 'swap'],
    // A late joiner's picture stays until the rest of the board has come and is baked.
    [{ separate: true, recorded: 2, drawn: 2, holdPicture: true }, 'hold'],
    [{ separate: true, recorded: 2, drawn: 1, holdPicture: true }, 'draw'],
    [{ separate: true, recorded: 2, drawn: 2, pending: 1, holdPicture: true }, 'record'],
  ])('%o -> %s', (s, step) => {
    expect(nextBakeStep(state(s))).toBe(step)
  })

  it('a bake that runs its steps to the end shows everything exactly, once', () => {
    const s = state({ separate: true, pending: 3 })
    const steps: string[] = []
    for (let i = 0; i < 20; i++) {
      const step = nextBakeStep(s)
      steps.push(step)
      if (step === 'draw') s.drawn++
      else if (step === 'record') {
        s.pending--
        s.recorded++
      } else if (step === 'swap') s.separate = false
      else break
    }
    expect(steps).toEqual(['record', 'draw', 'record', 'draw', 'record', 'draw', 'swap', 'idle'])
  })

  it('a picture is shown while the board is coming or being baked, never over the exact board', () => {
    expect(pictureWanted({ exact: false, loading: true })).toBe(true)
    expect(pictureWanted({ exact: true, loading: true })).toBe(true)
    expect(pictureWanted({ exact: false, loading: false })).toBe(true)
    expect(pictureWanted({ exact: true, loading: false })).toBe(false)
  })
})
