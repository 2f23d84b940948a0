import { useEffect, useRef, type ReactElement } from 'react'
import { speakingStore } from '../../../store/speakingStore'
import { useT } from '../../../i18n/useT'
import { meterFraction } from './meterScale'

const SEGMENTS = 12

/**
 * A segmented level meter. Levels arrive ~10 times a second, so they bypass React: the
 * component subscribes to the store and lights segments through a ref.
 */
export function MicLevelMeter({
  speakerKey,
  active,
}: {
  speakerKey: string
  active: boolean
}): ReactElement {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const meter = ref.current
    if (!meter) return
    const segments = Array.from(meter.children) as HTMLElement[]
    const render = (level: number): void => {
      const lit = active ? Math.round(meterFraction(level) * SEGMENTS) : 0
      segments.forEach((segment, index) => segment.classList.toggle('is-lit', index < lit))
      meter.setAttribute('aria-valuenow', String(Math.round((lit / SEGMENTS) * 100)))
    }
    render(speakingStore.getState().levels[speakerKey] ?? 0)
    return speakingStore.subscribe((state, previous) => {
      const level = state.levels[speakerKey] ?? 0
      if (level !== (previous.levels[speakerKey] ?? 0)) render(level)
    })
  }, [speakerKey, active])

  return (
    <div
      ref={ref}
      className={`level-meter${active ? '' : ' is-inactive'}`}
      role="meter"
      aria-label={t('media.micLevel')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      {Array.from({ length: SEGMENTS }, (_, index) => (
        <span key={index} className="level-segment" />
      ))}
    </div>
  )
}
