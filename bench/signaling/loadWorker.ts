/**
 * Child process: one slice of the simulated clients. The parent starts several so the load is
 * not limited by one event loop; at each phase boundary every worker reports and waits, so the
 * parent samples the server between phases for all workers at once. Room mates are always in
 * the same worker, so latency is measured against a single clock.
 */
import { runLoad, type LoadOptions, type LoadPhase, type LoadResult } from './loadGenerator'

export type WorkerRequest =
  { type: 'run'; options: Omit<LoadOptions, 'onPhase'> } | { type: 'continue' }
export type WorkerReply = { type: 'phase'; phase: LoadPhase } | { type: 'done'; result: LoadResult }

const send = (reply: WorkerReply): void => {
  process.send?.(reply)
}
let resume: (() => void) | null = null

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'continue') {
    resume?.()
    resume = null
    return
  }
  runLoad({
    ...request.options,
    onPhase(phase) {
      return new Promise<void>((ok) => {
        resume = ok
        send({ type: 'phase', phase })
      })
    },
  }).then(
    (result) => {
      // Disconnect only once the (large) result is flushed, or it can be lost in the pipe.
      process.send?.({ type: 'done', result } satisfies WorkerReply, () => process.disconnect())
    },
    (err: unknown) => {
      process.stderr.write(`load worker failed: ${String(err)}\n`)
      process.exit(1)
    },
  )
})
process.on('disconnect', () => process.exit(0))
