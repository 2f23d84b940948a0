import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { initialStatsState, type StatsState } from '../../store/statsStore'
import { QualityIndicator } from './QualityIndicator'
import { UplinkSummary } from './UplinkSummary'
import { VideoPausedNotice } from './VideoPausedNotice'

// Server rendering reads a store's initial state; the views read this state instead.
let state: StatsState = initialStatsState()
vi.mock('../../store/useStatsStore', () => ({
  useStatsStore: <T,>(selector: (s: StatsState) => T): T => selector(state),
}))
const statsStore = {
  setState: (partial: Partial<StatsState>) => (state = { ...state, ...partial }),
}

describe('quality views', () => {
  afterEach(() => (state = initialStatsState()))

  it('names the indicator after the link quality, and says "measuring" before any figure', () => {
    expect(renderToStaticMarkup(<QualityIndicator peerId="b" name="Bo" />)).toContain(
      'aria-label="Connection: measuring"',
    )
    statsStore.setState({ quality: { b: 'poor' } })
    const html = renderToStaticMarkup(<QualityIndicator peerId="b" name="Bo" />)
    expect(html).toContain('aria-label="Connection: poor"')
    expect(html).toContain('aria-haspopup="dialog"')
    expect(html).toContain('aria-expanded="false"')
  })

  it('shows the pause notice only while that peer has paused its video to us', () => {
    expect(renderToStaticMarkup(<VideoPausedNotice peerId="b" />)).toBe('')
    statsStore.setState({ videoPausedBy: { b: true } })
    expect(renderToStaticMarkup(<VideoPausedNotice peerId="b" />)).toContain(
      'Video paused (poor connection)',
    )
    expect(renderToStaticMarkup(<VideoPausedNotice peerId="c" />)).toBe('')
  })

  it('shows the uplink only with links, rounded to 50 kbit/s', () => {
    expect(renderToStaticMarkup(<UplinkSummary />)).toBe('')
    statsStore.setState({
      uplink: { quality: 'fair', bitrateOut: 1_234_000, limitedLinks: 1, pausedLinks: 0, links: 2 },
    })
    const html = renderToStaticMarkup(<UplinkSummary />)
    // The accessible name holds the visible text.
    expect(html).toContain('aria-label="Your connection: fair, 1.3 Mbit/s up"')
    expect(html).toContain('>1.3 Mbit/s up<')
  })
})
