import { createContext, useContext } from 'react'
import type { Session } from './session/types'

/** The session the UI drives; injected by main.tsx so components never reach for a singleton. */
export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() used outside <SessionContext.Provider>')
  return session
}
