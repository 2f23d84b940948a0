import type { ReactElement } from 'react'
import type { PeerInfo } from '../../../../shared/protocol'
import { useT } from '../../i18n/useT'
import type { Session } from '../../session/types'
import { useCallStore } from '../../store/useCallStore'

/**
 * The host's list of people removed from the call: they cannot come back (not even from the
 * same address with a new name) until the host lets them.
 */
export function RemovedPeople({ session }: { session: Session }): ReactElement | null {
  const removed = useCallStore((s) => s.room?.removed)
  const isHost = useCallStore((s) => s.room !== null && s.room.hostId === s.self?.id)
  if (!isHost || !removed || removed.length === 0 || !session.allow) return null
  const allow = session.allow.bind(session)
  return <RemovedList removed={removed} onAllow={(id) => void allow(id)} />
}

export function RemovedList({
  removed,
  onAllow,
}: {
  removed: readonly PeerInfo[]
  onAllow: (id: string) => void
}): ReactElement {
  const t = useT()
  return (
    <section className="removed-people" aria-label={t('security.removedTitle')}>
      <h2 className="removed-title">{t('security.removedTitle')}</h2>
      <ul>
        {removed.map((person) => (
          <li key={person.id}>
            <bdi className="removed-name">{person.name}</bdi>
            <button
              type="button"
              className="link-button"
              aria-label={t('security.allowBackNamed', { name: person.name })}
              onClick={() => onAllow(person.id)}
            >
              {t('security.allowBack')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
