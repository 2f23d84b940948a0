import { useState, type FormEvent, type ReactElement } from 'react'
import { useStore } from 'zustand'
import type { StringKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { lobbyStore, validateLobbyForm } from '../lobby/lobbyStore'
import { NameField } from '../lobby/NameField'
import { acceptLink, declineLink, type DeepLinkOffer } from './deepLinkOffer'
import { desktopStore } from './desktopStore'
import { ModalDialog } from './ModalDialog'

/** Confirms a moim://join link before anything happens (deepLinkOffer.ts has the rule). */
export function DeepLinkDialog(): ReactElement | null {
  const offer = useStore(desktopStore, (s) => s.linkOffer)
  // A new link replaces the question (and its name field) entirely.
  return offer ? <LinkQuestion key={JSON.stringify(offer)} offer={offer} /> : null
}

function LinkQuestion({ offer }: { offer: DeepLinkOffer }): ReactElement {
  const t = useT()
  const session = useSession()
  const [name, setName] = useState(() => lobbyStore.getState().name)
  const [nameError, setNameError] = useState<StringKey | null>(null)
  const { server } = offer

  const join = (event: FormEvent): void => {
    event.preventDefault()
    const problem = validateLobbyForm({
      name,
      room: offer.room,
      password: '',
      capacity: 2,
      invite: null,
    }).name
    if (problem) {
      setNameError(problem)
      return
    }
    void acceptLink(offer, name.trim(), session, getDesktopApi())
  }

  return (
    <ModalDialog title={t('desktop.linkTitle', { room: offer.room })} onCancel={declineLink}>
      <form className="link-dialog" noValidate onSubmit={join}>
        <p>{t('desktop.linkBody', { room: offer.room })}</p>
        <dl className="link-server">
          <dt className="field-label">{t('desktop.linkServer')}</dt>
          <dd className="link-server-name">
            {server.kind === 'link'
              ? t('desktop.linkServerFromLink', { host: server.host })
              : t('desktop.linkServerSaved')}
          </dd>
        </dl>
        {server.kind === 'link' ? (
          <p className="field-hint">{t('desktop.linkServerOnce', { host: server.host })}</p>
        ) : null}
        {offer.leaves !== null ? <p>{t('desktop.linkLeaves', { room: offer.leaves })}</p> : null}
        <NameField
          value={name}
          problem={nameError}
          onChange={(value) => {
            setName(value)
            setNameError(null)
          }}
        />
        <div className="dialog-footer dialog-actions">
          <button type="button" className="secondary-button" onClick={declineLink}>
            {t('desktop.linkCancel')}
          </button>
          <button type="submit" className="primary-button compact" data-initial-focus>
            {t('desktop.linkJoin')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
