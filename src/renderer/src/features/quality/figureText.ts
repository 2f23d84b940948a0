/** The figures of the quality popovers as text, in the UI language. */
import type { TFunction } from '../../i18n/useT'
import type { LinkFigures, Quality, UplinkSummary, VideoFormat } from '../../store/statsStore'
import { PAUSED_STEP } from '../../rtc/linkAdaptation'

export interface FigureRow {
  key: string
  label: string
  value: string
}

export function levelText(level: Quality | null, t: TFunction): string {
  return t(level ? `quality.level.${level}` : 'quality.level.unknown')
}

export function bitrateText(bps: number | null, t: TFunction): string {
  if (bps === null) return t('quality.notAvailable')
  if (bps >= 1_000_000) return `${(bps / 1_000_000).toFixed(1)} Mbit/s`
  return `${Math.round(bps / 1_000)} kbit/s`
}

const percent = (fraction: number | null, t: TFunction): string =>
  fraction === null ? t('quality.notAvailable') : `${(fraction * 100).toFixed(1)} %`

const millis = (ms: number | null, t: TFunction): string =>
  ms === null ? t('quality.notAvailable') : `${ms} ms`

function formatText(format: VideoFormat | null, t: TFunction): string {
  if (!format) return t('quality.notAvailable')
  const { width, height, fps } = format
  return fps === null
    ? t('quality.formatNoFps', { width, height })
    : t('quality.format', { width, height, fps: Math.round(fps) })
}

function limitationText(reason: string | null, t: TFunction): string {
  if (reason === 'none' || reason === 'bandwidth' || reason === 'cpu' || reason === 'other')
    return t(`quality.limitation.${reason}`)
  return t('quality.notAvailable')
}

function cameraText(step: number, t: TFunction): string {
  if (step <= 0) return t('quality.camera.full')
  if (step >= PAUSED_STEP) return t('quality.camera.paused')
  return t('quality.camera.reduced', { step, steps: PAUSED_STEP - 1 })
}

/** The rows of one link's details. */
export function linkRows(f: LinkFigures, cameraStep: number, t: TFunction): FigureRow[] {
  const na = t('quality.notAvailable')
  return [
    { key: 'rtt', label: t('quality.rtt'), value: millis(f.rttMs, t) },
    { key: 'lossIn', label: t('quality.lossIn'), value: percent(f.lossIn, t) },
    { key: 'lossOut', label: t('quality.lossOut'), value: percent(f.lossOut, t) },
    { key: 'jitter', label: t('quality.jitter'), value: millis(f.jitterMs, t) },
    { key: 'bitrateIn', label: t('quality.bitrateIn'), value: bitrateText(f.bitrateIn, t) },
    { key: 'bitrateOut', label: t('quality.bitrateOut'), value: bitrateText(f.bitrateOut, t) },
    { key: 'videoIn', label: t('quality.videoIn'), value: formatText(f.videoIn, t) },
    { key: 'videoOut', label: t('quality.videoOut'), value: formatText(f.videoOut, t) },
    { key: 'codec', label: t('quality.codec'), value: `${f.codecIn ?? na} / ${f.codecOut ?? na}` },
    {
      key: 'limitation',
      label: t('quality.limitation'),
      value: limitationText(f.qualityLimitationReason, t),
    },
    {
      key: 'available',
      label: t('quality.available'),
      value: bitrateText(f.availableOutgoingBitrate, t),
    },
    {
      key: 'path',
      label: t('quality.path'),
      value: f.path ? t(`quality.path.${f.path}`) : na,
    },
    { key: 'camera', label: t('quality.camera'), value: cameraText(cameraStep, t) },
  ]
}

/** The rows of the uplink summary. */
export function uplinkRows(u: UplinkSummary, t: TFunction): FigureRow[] {
  const count = (n: number) => t('quality.count', { count: n, total: u.links })
  return [
    { key: 'bitrateOut', label: t('quality.bitrateOut'), value: bitrateText(u.bitrateOut, t) },
    { key: 'links', label: t('quality.links'), value: String(u.links) },
    { key: 'limited', label: t('quality.limitedLinks'), value: count(u.limitedLinks) },
    { key: 'paused', label: t('quality.pausedLinks'), value: count(u.pausedLinks) },
  ]
}
