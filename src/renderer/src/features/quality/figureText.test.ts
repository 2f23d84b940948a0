import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n/translate'
import type { TFunction } from '../../i18n/useT'
import { PAUSED_STEP } from '../../rtc/linkAdaptation'
import type { LinkFigures } from '../../store/statsStore'
import { bitrateText, linkRows, uplinkRows } from './figureText'

const en: TFunction = (key, vars) => translate('en', key, vars)
const ko: TFunction = (key, vars) => translate('ko', key, vars)

const figures: LinkFigures = {
  at: 0,
  rttMs: 42,
  lossIn: 0.012,
  lossOut: null,
  jitterMs: 7,
  bitrateIn: 1_250_000,
  bitrateOut: 480_000,
  videoBitrateOut: 400_000,
  cameraBitrateOut: 400_000,
  videoIn: { width: 640, height: 360, fps: 29.7 },
  videoOut: { width: 320, height: 180, fps: null },
  codecIn: 'VP8',
  codecOut: null,
  qualityLimitationReason: 'bandwidth',
  availableOutgoingBitrate: null,
  path: 'relay',
}

describe('figure text', () => {
  it('writes bitrates in kbit/s and Mbit/s', () => {
    expect(bitrateText(350_400, en)).toBe('350 kbit/s')
    expect(bitrateText(1_250_000, en)).toBe('1.3 Mbit/s')
    expect(bitrateText(null, en)).toBe('n/a')
  })

  it('lists every figure of a link, with n/a for what is not measured', () => {
    const rows = Object.fromEntries(linkRows(figures, 0, en).map((r) => [r.key, r.value]))
    expect(rows).toEqual({
      rtt: '42 ms',
      lossIn: '1.2 %',
      lossOut: 'n/a',
      jitter: '7 ms',
      bitrateIn: '1.3 Mbit/s',
      bitrateOut: '480 kbit/s',
      videoIn: '640×360 at 30 fps',
      videoOut: '320×180',
      codec: 'VP8 / n/a',
      limitation: 'bandwidth',
      available: 'n/a',
      path: 'Relayed (TURN server)',
      camera: 'Full quality for the room',
    })
  })

  it('says how our camera to the peer is limited', () => {
    const camera = (step: number) => linkRows(figures, step, en).find((r) => r.key === 'camera')
    expect(camera(2)?.value).toBe(`Reduced for this connection (step 2 of ${PAUSED_STEP - 1})`)
    expect(camera(PAUSED_STEP)?.value).toBe('Paused: connection too poor')
  })

  it('speaks Korean', () => {
    const rows = linkRows(figures, 0, ko)
    expect(rows[0].label).toBe('왕복 시간')
    const uplink = uplinkRows(
      { quality: 'good', bitrateOut: 1, limitedLinks: 1, pausedLinks: 0, links: 3 },
      ko,
    )
    expect(uplink.find((r) => r.key === 'limited')?.value).toBe('3개 중 1개')
  })
})
