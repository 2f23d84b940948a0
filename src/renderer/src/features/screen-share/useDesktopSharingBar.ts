import { useEffect, useRef } from 'react'
import { getDesktopApi } from '../../platform/desktop'

/**
 * Desktop: shows the always-on-top "You are sharing — Stop" bar while `sharing` is true and
 * calls `stop` when its Stop button is pressed. Does nothing in the web client.
 */
export function useDesktopSharingBar(sharing: boolean, stop: () => void): void {
  const stopRef = useRef(stop)
  useEffect(() => {
    stopRef.current = stop
  }, [stop])

  useEffect(() => {
    const desktop = getDesktopApi()
    if (!desktop || !sharing) return
    void desktop.screenShare.sharingStarted().catch(() => undefined)
    const unsubscribe = desktop.screenShare.onStopRequested(() => stopRef.current())
    return () => {
      unsubscribe()
      void desktop.screenShare.sharingStopped().catch(() => undefined)
    }
  }, [sharing])
}
