import type { ReactElement, ReactNode } from 'react'
import { InfoIcon, WarningIcon } from './icons'

interface MessageBoxProps {
  tone: 'error' | 'notice'
  message: string
  hint?: string
  /** Extra actions (e.g. "Open System Settings"). */
  children?: ReactNode
}

/**
 * An error or notice. Both are alerts (a missing camera matters as much as a wrong password
 * to someone who cannot see the preview). Only the main sentence is in the live region, so
 * assistive technology reads exactly the message; the hint follows as ordinary text.
 */
export function MessageBox({ tone, message, hint, children }: MessageBoxProps): ReactElement {
  return (
    <div className={`message message-${tone}`}>
      {tone === 'error' ? (
        <WarningIcon className="message-icon" />
      ) : (
        <InfoIcon className="message-icon" />
      )}
      <div className="message-body">
        <p role="alert" className="message-text">
          {message}
        </p>
        {hint ? <p className="message-hint">{hint}</p> : null}
        {children}
      </div>
    </div>
  )
}
