import './files.css'
import { memo, useId, type ReactElement } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { TransferInfo } from '../../engines/files/types'
import { useLanguage, useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import type { FileOfferView } from '../../store/filesStore'
import { useFilesStore } from '../../store/useFilesStore'
import { formatBytes, hashPrefix } from './format'
import { errorText, statusText } from './fileText'
import { TransferProgress } from './TransferProgress'

function isRunning(transfer: TransferInfo | undefined): boolean {
  return transfer !== undefined && transfer.status !== 'done' && transfer.status !== 'failed'
}

function Verified({ sha256 }: { sha256: string }): ReactElement {
  const t = useT()
  return (
    <p className="file-hash" title={t('files.verifiedHint')}>
      <span aria-hidden="true">✓ </span>
      <span className="file-hash-text">{t('files.verified', { hash: hashPrefix(sha256) })}</span>
    </p>
  )
}

/** What a receiver sees of its own copy: answer buttons, progress, Save, or what went wrong. */
function IncomingBody({
  offer,
  transfer,
  nameId,
}: {
  offer: FileOfferView
  transfer: TransferInfo | undefined
  nameId: string
}): ReactElement {
  const t = useT()
  const language = useLanguage()
  const session = useSession()
  const maxFileBytes = useFilesStore((s) => s.maxFileBytes)
  if (transfer && transfer.status === 'done' && transfer.sha256) {
    return (
      <>
        <p className="file-status">{statusText(t, transfer)}</p>
        <Verified sha256={transfer.sha256} />
        <div className="file-actions">
          <button
            type="button"
            className="primary-button compact"
            aria-describedby={nameId}
            onClick={() => void session.files.save(transfer.id)}
          >
            {t('files.save')}
          </button>
        </div>
      </>
    )
  }
  if (isRunning(transfer)) {
    return (
      <>
        <p className="file-status" role="status">
          {statusText(t, transfer!)}
        </p>
        <TransferProgress id={transfer!.id} size={transfer!.size} label={offer.name} />
        <div className="file-actions">
          <button
            type="button"
            className="secondary-button"
            aria-describedby={nameId}
            onClick={() => session.files.cancel(transfer!.id)}
          >
            {t('files.cancel')}
          </button>
        </div>
      </>
    )
  }
  const failure = transfer?.error ?? offer.error
  const lines: ReactElement[] = []
  if (failure)
    lines.push(
      <p key="error" className="file-error" role="alert">
        {errorText(t, failure, maxFileBytes, language)}
      </p>,
    )
  if (offer.state === 'withdrawn' && failure !== 'withdrawn')
    lines.push(
      <p key="state" className="file-status">
        {t('files.withdrawn')}
      </p>,
    )
  if (offer.state === 'gone' && failure !== 'peer-left')
    lines.push(
      <p key="state" className="file-status">
        {t('files.senderGone')}
      </p>,
    )
  if (offer.state !== 'open') return <>{lines}</>
  if (offer.answer === 'declined')
    return (
      <>
        {lines}
        <p className="file-status">{t('files.declined')}</p>
      </>
    )
  return (
    <>
      {lines}
      <div className="file-actions">
        <button
          type="button"
          className="primary-button compact"
          aria-describedby={nameId}
          onClick={() => void session.files.accept(offer.key)}
        >
          {transfer ? t('files.retry') : t('files.accept')}
        </button>
        {transfer ? null : (
          <button
            type="button"
            className="secondary-button"
            aria-describedby={nameId}
            onClick={() => session.files.decline(offer.key)}
          >
            {t('files.decline')}
          </button>
        )}
      </div>
    </>
  )
}

/** One receiver's copy, as the sender sees it. */
function ReceiverLine({ transfer, fileName }: { transfer: TransferInfo; fileName: string }) {
  const t = useT()
  const language = useLanguage()
  const session = useSession()
  const maxFileBytes = useFilesStore((s) => s.maxFileBytes)
  const name = useCallStore((s) => s.participants[transfer.peerId]?.name) ?? '?'
  const running = isRunning(transfer)
  return (
    <li className="file-receiver">
      <p className="file-receiver-name">{t('files.receiver', { name })}</p>
      {transfer.status === 'failed' && transfer.error ? (
        <p className="file-error">{errorText(t, transfer.error, maxFileBytes, language)}</p>
      ) : (
        <p className="file-status" role={running ? 'status' : undefined}>
          {statusText(t, transfer)}
        </p>
      )}
      {running ? (
        <>
          <TransferProgress
            id={transfer.id}
            size={transfer.size}
            label={`${fileName} · ${t('files.receiver', { name })}`}
          />
          <div className="file-actions">
            <button
              type="button"
              className="secondary-button"
              onClick={() => session.files.cancel(transfer.id)}
            >
              {t('files.cancelFor', { name })}
            </button>
          </div>
        </>
      ) : null}
      {transfer.status === 'done' && transfer.sha256 ? <Verified sha256={transfer.sha256} /> : null}
    </li>
  )
}

function OutgoingBody({
  offer,
  transfers,
  nameId,
}: {
  offer: FileOfferView
  transfers: TransferInfo[]
  nameId: string
}): ReactElement {
  const t = useT()
  const session = useSession()
  const decliners = useCallStore(
    useShallow((s) => offer.declinedBy.map((id) => s.participants[id]?.name ?? '?')),
  )
  return (
    <>
      {offer.state === 'withdrawn' ? (
        <p className="file-status">{t('files.withdrawnSelf')}</p>
      ) : transfers.length === 0 ? (
        <p className="file-status">{t('files.waitingAccept')}</p>
      ) : null}
      {transfers.length > 0 ? (
        <ul className="file-receivers">
          {transfers.map((transfer) => (
            <ReceiverLine key={transfer.id} transfer={transfer} fileName={offer.name} />
          ))}
        </ul>
      ) : null}
      {decliners.length > 0 ? (
        <p className="file-status">{t('files.declinedBy', { names: decliners.join(', ') })}</p>
      ) : null}
      {offer.state === 'open' ? (
        <div className="file-actions">
          <button
            type="button"
            className="secondary-button"
            aria-describedby={nameId}
            onClick={() => session.files.withdraw(offer.key)}
          >
            {t('files.withdraw')}
          </button>
        </div>
      ) : null}
    </>
  )
}

/** A file offer in the chat: name, size, type and sender, and what can be done with it. */
function FileOfferCardImpl({ offer }: { offer: FileOfferView }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const nameId = useId()
  const transfers = useFilesStore(
    useShallow((s) => Object.values(s.transfers).filter((x) => x.offerKey === offer.key)),
  )
  const sender = offer.self ? t('files.fromYou') : t('files.from', { name: offer.senderName })
  return (
    <li className="file-offer">
      <article className="file-card" aria-labelledby={nameId}>
        <h3 className="file-name" id={nameId}>
          <bdi>{offer.name}</bdi>
        </h3>
        <p className="file-meta">
          <span>{formatBytes(offer.size, language)}</span>
          <span aria-hidden="true"> · </span>
          <span>{offer.mime || t('files.unknownType')}</span>
          <span aria-hidden="true"> · </span>
          <bdi>{sender}</bdi>
        </p>
        {offer.self ? (
          <OutgoingBody offer={offer} transfers={transfers} nameId={nameId} />
        ) : (
          <IncomingBody offer={offer} transfer={transfers.at(-1)} nameId={nameId} />
        )}
      </article>
    </li>
  )
}

export const FileOfferCard = memo(FileOfferCardImpl)
