import type { BrowserContext, ConsoleMessage } from 'playwright-core'

/**
 * Page errors fail the test they happen in. Every context made by launchBrowser() is watched:
 * an uncaught exception or unhandled rejection in any page, and any console message that names
 * an InvalidStateError (a WebRTC call made in the wrong state, which the app only logs), are
 * recorded; the E2E setup file (e2e/harness/setup.ts) fails the test after it ran if any
 * were recorded that no allow-list entry matches.
 */

/** Harmless for every spec, each with the reason. */
const ALWAYS_ALLOWED: RegExp[] = [
  // Layout feedback the browser reports itself and recovers from within the frame.
  /ResizeObserver loop/,
]

let allowedForTest: RegExp[] = []
let recorded: string[] = []

function record(what: string): void {
  recorded.push(what)
}

function onConsole(message: ConsoleMessage): void {
  const type = message.type()
  if (type !== 'error' && type !== 'warning') return
  const text = message.text()
  if (/InvalidStateError/.test(text)) record(`console ${type}: ${text}`)
}

/** Starts recording a context's page errors (done by launchBrowser for every context). */
export function watchPageErrors(context: BrowserContext): void {
  context.on('weberror', (webError) => {
    const error = webError.error()
    record(`uncaught in ${webError.page()?.url() ?? 'a page'}: ${error.stack ?? error.message}`)
  })
  context.on('console', onConsole)
}

/** Lets the running test tolerate errors matching these patterns (say why at the call site). */
export function allowPageErrors(...patterns: RegExp[]): void {
  allowedForTest.push(...patterns)
}

/** Clears what earlier tests left (pages closing after their test ended). */
export function resetPageErrors(): void {
  recorded = []
  allowedForTest = []
}

/** The errors recorded since the last reset that nothing allows. */
export function unexpectedPageErrors(): string[] {
  const allowed = [...ALWAYS_ALLOWED, ...allowedForTest]
  return recorded.filter((entry) => !allowed.some((pattern) => pattern.test(entry)))
}
