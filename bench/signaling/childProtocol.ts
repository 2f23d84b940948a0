/** Messages between the load generator and a server child process (over the IPC channel). */
export type ParentMessage = { type: 'usage' } | { type: 'stop' }
export type ChildMessage =
  { type: 'ready'; port: number } | { type: 'usage'; rss: number; cpuMicros: number }

/** Answers usage requests and stops on request; `close` shuts the server down. */
export function serveParent(port: number, close: () => Promise<void>): void {
  const send = (message: ChildMessage): void => {
    process.send?.(message)
  }
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'usage') {
      const cpu = process.cpuUsage()
      send({ type: 'usage', rss: process.memoryUsage().rss, cpuMicros: cpu.user + cpu.system })
    } else if (message.type === 'stop') {
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
  })
  // If the generator dies, do not linger as an orphan server.
  process.on('disconnect', () => process.exit(0))
  send({ type: 'ready', port })
}
