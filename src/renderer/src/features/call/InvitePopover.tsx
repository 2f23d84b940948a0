import { useEffect, useId, useRef, useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import type { TFunction } from '../../i18n/useT'
import type { MoimDesktopApi } from '../../platform/desktop'
import { buildInviteLinks, type InviteLink } from './inviteLinks'
import { CheckIcon, CloseIcon, CopyIcon } from './ui/icons'

interface InvitePopoverProps {
  id: string
  desktop: MoimDesktopApi
  room: string
  /** The room key of an invite-only (hosted) call, put in every link. */
  roomKey: string | null
  serverUrl: string | null
  /** The link just copied, shown as "Copied" on its button. */
  copiedUrl: string | null
  onCopy: (url: string) => void
  onClose: () => void
}

function linkTitle(link: InviteLink, t: TFunction): string {
  if (link.kind === 'lan') return t('invite.lanLink', { address: link.address ?? '' })
  return t(link.kind === 'app' ? 'invite.appLink' : 'invite.webLink')
}

/**
 * Desktop invite links: LAN addresses of the bundled server (or the remote server's web client)
 * plus a moim:// link. Non-modal: Escape or a click outside closes it.
 */
export function InvitePopover({
  id,
  desktop,
  room,
  roomKey,
  serverUrl,
  copiedUrl,
  onCopy,
  onClose,
}: InvitePopoverProps): ReactElement {
  const t = useT()
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const [links, setLinks] = useState<InviteLink[] | null>(null)
  const [hosted, setHosted] = useState<{ on: boolean; fingerprint: string | null } | null>(null)

  useEffect(() => {
    let active = true
    desktop
      .getHostInfo()
      .catch(() => null)
      .then((host) => {
        if (!active) return
        const hosting = host !== null && host.serverUrl === serverUrl
        setHosted(hosting ? { on: host.hosting, fingerprint: host.certificateFingerprint } : null)
        setLinks(
          buildInviteLinks({
            room,
            pageUrl: window.location.href,
            desktop: true,
            serverUrl,
            lanUrls: hosting ? host.lanUrls : [],
            key: roomKey,
            certificatePin: hosting ? host.certificatePin : null,
          }),
        )
      })
    return () => {
      active = false
    }
  }, [desktop, room, roomKey, serverUrl])

  // The parent passes a fresh callback each render; the listeners below must not re-subscribe
  // (re-running would move focus), so they read the latest one through a ref.
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const popover = ref.current
    popover?.focus()
    // Focus goes back to the invite button when the popover closes with focus inside it.
    const returnFocus = (): void => {
      if (popover?.contains(document.activeElement) || document.activeElement === document.body) {
        document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus()
      }
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onCloseRef.current()
    }
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node
      const opener = document.querySelector(`[aria-controls="${id}"]`)
      if (!ref.current?.contains(target) && !opener?.contains(target)) onCloseRef.current()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
      returnFocus()
    }
  }, [id])

  const hasLan = links?.some((link) => link.kind === 'lan') ?? false
  return (
    <div
      ref={ref}
      id={id}
      className="popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {t('invite.title')}
        </h2>
        <button
          type="button"
          className="icon-button variant-ghost"
          aria-label={t('invite.close')}
          title={t('invite.close')}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      {links === null ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <ul className="invite-list">
          {links.map((link) => {
            const title = linkTitle(link, t)
            return (
              <li key={link.url} className="invite-item">
                <span className="invite-title">{title}</span>
                <div className="input-with-button">
                  <input
                    className="input mono"
                    readOnly
                    value={link.url}
                    aria-label={title}
                    onFocus={(event) => event.target.select()}
                  />
                  <button
                    type="button"
                    className="secondary-button"
                    aria-label={t('invite.copyNamed', { what: title })}
                    onClick={() => onCopy(link.url)}
                  >
                    {copiedUrl === link.url ? (
                      <CheckIcon width={16} height={16} />
                    ) : (
                      <CopyIcon width={16} height={16} />
                    )}
                    {t(copiedUrl === link.url ? 'invite.copied' : 'invite.copy')}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      {hosted && !hosted.on ? <p className="field-hint">{t('security.hostingOff')}</p> : null}
      {links !== null && hosted?.on && !hasLan ? (
        <p className="field-hint">{t('invite.noLan')}</p>
      ) : null}
      {hosted?.on && hasLan ? (
        <div className="invite-security">
          <p className="field-hint">{t('security.hostingNotice')}</p>
          <p className="field-hint">{t('security.inviteOnly')}</p>
          {hosted.fingerprint ? (
            <p className="field-hint">
              {t('security.certificateNotice')}{' '}
              <code className="invite-fingerprint mono">{hosted.fingerprint}</code>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
