import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export interface A11yScope {
  /** CSS selector of the screen or panel under test; the whole page when absent. */
  include?: string
  /** Rules to skip, each with the reason in a comment at the call site. */
  disableRules?: string[]
}

/**
 * Runs axe-core on what the page shows now and fails on any serious or critical violation,
 * listing each rule with the elements it found.
 */
export async function expectAccessible(page: Page, scope: A11yScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page })
  if (scope.include) builder = builder.include(scope.include)
  if (scope.disableRules?.length) builder = builder.disableRules(scope.disableRules)
  const results = await builder.analyze()
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  if (serious.length === 0) return
  const report = serious
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n')
  throw new Error(`Accessibility violations on ${page.url()}:\n${report}`)
}
