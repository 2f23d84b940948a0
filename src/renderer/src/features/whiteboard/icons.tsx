/** Whiteboard icons (24px grid, currentColor). Decorative: the controls carry the names. */
import { Svg, type IconProps } from '../call/ui/svgIcon'

export const WhiteboardIcon = (props: IconProps) => (
  <Svg {...props}>
    <rect x="3" y="4" width="18" height="13" rx="2" />
    <path d="M7 13l3-3 2 2 4-4M8 21l4-4 4 4" />
  </Svg>
)

export const PenIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M4 20l4-1 11-11a2.1 2.1 0 0 0-3-3L5 16z" />
  </Svg>
)

export const EraserIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M8 20h12M5 15l9-9 5 5-8 8H8z" />
  </Svg>
)

export const FillIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M5 11l7-7 7 7-7 7zM19 15s2 2.5 2 4a2 2 0 0 1-4 0c0-1.5 2-4 2-4z" />
  </Svg>
)

export const UndoIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" />
  </Svg>
)

export const RedoIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" />
  </Svg>
)

export const TrashIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Svg>
)

export const DownloadIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </Svg>
)
