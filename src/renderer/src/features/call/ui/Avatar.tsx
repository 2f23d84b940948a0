import type { ReactElement } from 'react'
import { avatarHue, initialsOf } from './avatar'

/** A coloured circle with the person's initials: what a camera-off tile shows instead of black. */
export function Avatar({ name, size }: { name: string; size: number }): ReactElement {
  const hue = avatarHue(name)
  return (
    <div
      className="avatar"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.max(12, Math.round(size * 0.38)),
        background: `hsl(${hue} 55% 42%)`,
      }}
    >
      {initialsOf(name)}
    </div>
  )
}
