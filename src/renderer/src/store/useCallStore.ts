/** React bindings for the vanilla stores: the one place in store/ that imports React-side zustand. */
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { callStore, type CallState, type Participant } from './callStore'
import { speakingStore } from './speakingStore'

export function useCallStore<T>(selector: (state: CallState) => T): T {
  return useStore(callStore, selector)
}

/** For selectors returning fresh arrays/objects (shallow-compared so unrelated updates don't re-render). */
export function useCallStoreShallow<T>(selector: (state: CallState) => T): T {
  return useStore(callStore, useShallow(selector))
}

/**
 * One collator for every comparison: String.prototype.localeCompare sets up locale data on each
 * call, which made sorting a handful of names a measurable part of every render.
 */
const collator = new Intl.Collator()
let sorted: { source: Record<string, Participant>; list: Participant[] } | null = null

/**
 * Participants in a stable order: self first, then by name, then id. Store states are immutable,
 * so the last answer is reused while the participants object is the same one (React asks for
 * the snapshot several times per render, and on every unrelated store change).
 */
export function sortParticipants(participants: Record<string, Participant>): Participant[] {
  if (sorted?.source === participants) return sorted.list
  const list = Object.values(participants).sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1
    return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
  sorted = { source: participants, list }
  return list
}

export function useParticipants(): Participant[] {
  return useStore(
    callStore,
    useShallow((s) => sortParticipants(s.participants)),
  )
}

export function useIsSpeaking(participantId: string): boolean {
  return useStore(speakingStore, (s) => s.speaking[participantId] === true)
}
