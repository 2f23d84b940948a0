/**
 * Closing the tab or the window leaves the call at once. Without this the others keep our tile
 * for the server's grace period, as if our network had dropped. `session.leave()` sends
 * `room:leave` synchronously, before the page is gone.
 */
export function leaveOnPageHide(
  session: { leave(): Promise<void> },
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
): () => void {
  const onPageHide = (): void => void session.leave()
  target.addEventListener('pagehide', onPageHide)
  return () => target.removeEventListener('pagehide', onPageHide)
}
