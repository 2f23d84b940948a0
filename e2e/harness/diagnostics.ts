import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'

export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../artifacts')

/** Collects each page's console errors and uncaught exceptions, labelled by participant. */
export class PageDiagnostics {
  private readonly pages = new Map<string, Page>()
  readonly errors: string[] = []

  watch(label: string, page: Page): void {
    this.pages.set(label, page)
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`[${label}] console: ${message.text()}`)
    })
    page.on('pageerror', (error) => this.errors.push(`[${label}] uncaught: ${error.message}`))
  }

  forget(label: string): void {
    this.pages.delete(label)
  }

  /** Screenshots every open page into e2e/artifacts/ and returns a report for the failure. */
  async capture(testName: string): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true })
    const slug = testName
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80)
    const saved: string[] = []
    for (const [label, page] of this.pages) {
      if (page.isClosed()) continue
      const path = resolve(ARTIFACTS_DIR, `${slug}--${label}.png`)
      try {
        await page.screenshot({ path, fullPage: true, timeout: 5_000 })
        saved.push(path)
      } catch (error) {
        saved.push(`(screenshot of ${label} failed: ${String(error)})`)
      }
    }
    const errors = this.errors.length ? this.errors.join('\n') : '(no console errors)'
    return `Screenshots:\n${saved.join('\n')}\nConsole errors:\n${errors}`
  }
}
