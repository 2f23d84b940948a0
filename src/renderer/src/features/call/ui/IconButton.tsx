import type { ReactElement, ReactNode } from 'react'

interface IconButtonProps {
  label: string
  /** Tooltip; defaults to the label (e.g. adds the keyboard shortcut). */
  title?: string
  onClick: () => void
  children: ReactNode
  variant?: 'default' | 'off' | 'danger' | 'active'
  disabled?: boolean
  pressed?: boolean
  expanded?: boolean
  controls?: string
  hasPopup?: 'dialog'
  className?: string
  showLabel?: boolean
  /** A small count on the button (unread messages); its meaning goes in describedBy. */
  badge?: number
  describedBy?: string
}

/**
 * A round icon button whose accessible name is the action it performs ("Mute microphone"),
 * matching Google Meet: the label flips with the state rather than using aria-pressed.
 */
export function IconButton({
  label,
  title,
  onClick,
  children,
  variant = 'default',
  disabled,
  pressed,
  expanded,
  controls,
  hasPopup,
  className,
  showLabel = false,
  badge,
  describedBy,
}: IconButtonProps): ReactElement {
  return (
    <button
      type="button"
      className={`icon-button variant-${variant}${className ? ` ${className}` : ''}`}
      aria-label={showLabel ? undefined : label}
      title={title ?? label}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-haspopup={hasPopup}
      aria-describedby={describedBy}
    >
      {children}
      {badge ? (
        <span className="icon-button-badge" aria-hidden="true">
          {badge > 99 ? '99+' : badge}
        </span>
      ) : null}
      {showLabel ? <span className="icon-button-label">{label}</span> : null}
    </button>
  )
}
