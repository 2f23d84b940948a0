import { describe, expect, it } from 'vitest'
import { parseTaskStat, processKind, threadCpuUsed, type ThreadSnapshot } from './threadCpu'

describe('threadCpu', () => {
  it('names the process kind from a Chromium command line', () => {
    expect(processKind('/usr/lib/chromium/chromium\0--headless\0')).toBe('browser')
    expect(processKind('chromium\0--type=renderer\0')).toBe('renderer')
    expect(processKind('chromium\0--type=gpu-process\0')).toBe('gpu')
    expect(
      processKind('chromium\0--type=utility\0--utility-sub-type=network.mojom.NetworkService\0'),
    ).toBe('network')
  })

  it('reads a thread name with spaces and parentheses and its CPU seconds', () => {
    const stat =
      '4242 (Worker (2) x) S 1 2 3 4 5 6 7 8 9 10 150 50 0 0 20 0 1 0 100 0 0 18446744073709551615'
    expect(parseTaskStat(stat)).toEqual({ name: 'Worker (#) x', seconds: 2 })
  })

  it('sums what each group used, counting threads born meanwhile in full', () => {
    const before: ThreadSnapshot = new Map([
      ['1/1', { group: 'browser IO', seconds: 1 }],
      ['2/5', { group: 'renderer Worker', seconds: 3 }],
    ])
    const after: ThreadSnapshot = new Map([
      ['1/1', { group: 'browser IO', seconds: 1.5 }],
      ['2/5', { group: 'renderer Worker', seconds: 4 }],
      ['2/6', { group: 'renderer Worker', seconds: 0.25 }],
    ])
    expect(threadCpuUsed(before, after)).toEqual(
      new Map([
        ['browser IO', 0.5],
        ['renderer Worker', 1.25],
      ]),
    )
  })
})
