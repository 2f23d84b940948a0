import type { ReactElement } from 'react'
import type { Quality } from '../../store/statsStore'

/** Three signal bars, as many filled as the quality deserves. Decorative: buttons carry names. */
export function QualityIcon({ level }: { level: Quality | null }): ReactElement {
  const filled = level === 'good' ? 3 : level === 'fair' ? 2 : level === 'poor' ? 1 : 0
  return (
    <svg
      viewBox="0 0 18 16"
      width="16"
      height="14"
      aria-hidden="true"
      focusable="false"
      className={`quality-icon quality-${level ?? 'unknown'}`}
    >
      {[0, 1, 2].map((i) => (
        <rect
          key={i}
          x={i * 6 + 1}
          y={10 - i * 4}
          width="4"
          height={5 + i * 4}
          rx="1"
          fill={i < filled ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.2"
        />
      ))}
    </svg>
  )
}
