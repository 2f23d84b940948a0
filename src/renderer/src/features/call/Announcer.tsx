import { useEffect, useRef, type ReactElement } from 'react'
import { languageStore } from '../../i18n/languageStore'
import { translate } from '../../i18n/translate'
import { callStore, type CallState } from '../../store/callStore'
import { diffRoster } from './tiles'

function remoteRoster(state: CallState): Map<string, string> {
  const roster = new Map<string, string>()
  for (const participant of Object.values(state.participants)) {
    if (!participant.isSelf) roster.set(participant.id, participant.name)
  }
  return roster
}

/**
 * Announces "Bob joined" / "Bob left" to screen readers. Subscribes outside React so roster
 * changes are diffed once, and writes into a polite live region.
 */
export function Announcer(): ReactElement {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let roster = remoteRoster(callStore.getState())
    return callStore.subscribe((state, previous) => {
      if (state.participants === previous.participants) return
      const next = remoteRoster(state)
      const changes = diffRoster(roster, next)
      roster = next
      const region = ref.current
      if (!region || changes.length === 0) return
      const language = languageStore.getState().language
      for (const change of changes) {
        const line = document.createElement('p')
        line.textContent = translate(
          language,
          change.kind === 'joined' ? 'call.joined' : 'call.left',
          {
            name: change.name,
          },
        )
        region.append(line)
      }
      // Keep the log short: screen readers only read additions.
      while (region.childElementCount > 5) region.firstElementChild?.remove()
    })
  }, [])
  return <div ref={ref} className="visually-hidden" role="log" aria-live="polite" />
}
