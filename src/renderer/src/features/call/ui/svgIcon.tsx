/** The frame of every inline SVG icon (24px grid, currentColor). Decorative: controls carry the names. */
import type { ReactElement, SVGProps } from 'react'

export type IconProps = SVGProps<SVGSVGElement>

export function Svg({ children, ...props }: IconProps): ReactElement {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  )
}
