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

/** Participants in a stable order: self first, then by name, then id. */
export function sortParticipants(participants: Record<string, Participant>): Participant[] {
  return Object.values(participants).sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  })
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
