import { useEffect } from 'react'
import { getDesktopApi } from '../../platform/desktop'
import { useCallStore } from '../../store/useCallStore'

/**
 * Desktop: while this call goes through the app's own server, that server is open to the local
 * network (HTTPS, invite-only); when the call ends it is loopback-only again.
 */
export function useHostingSwitch(): void {
  const serverUrl = useCallStore((s) => s.serverUrl)
  useEffect(() => {
    const desktop = getDesktopApi()
    if (!desktop || !serverUrl) return
    let active = true
    let hosting = false
    void desktop
      .getHostInfo()
      .catch(() => null)
      .then((host) => {
        if (!active || !host || host.serverUrl !== serverUrl) return
        hosting = true
        void desktop.setHosting(true).catch(() => null)
      })
    return () => {
      active = false
      if (hosting) void desktop.setHosting(false).catch(() => null)
    }
  }, [serverUrl])
}
