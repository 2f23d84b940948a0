/** The game's icon (24px grid, currentColor). Decorative: the button carries the name. */
import type { ReactElement } from 'react'
import { Svg } from '../call/ui/svgIcon'

export function GameIcon(): ReactElement {
  return (
    <Svg>
      <path d="M4 20l4-1 10.5-10.5a2.1 2.1 0 0 0-3-3L5 16l-1 4z" />
      <path d="M14 7l3 3" />
      <circle cx="18.5" cy="18.5" r="2.5" />
      <path d="M18.5 14.5v1" />
    </Svg>
  )
}
