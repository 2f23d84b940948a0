/**
 * The desktop screen-share picker in real Chromium: roles and names, only the visible tab is
 * polled, keyboard navigation (arrows, Enter, Escape), quality and system-audio choices. The
 * page is bundled with esbuild and loaded with setContent, so it makes no network traffic.
 */
import { build } from 'esbuild'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './harness/browser'

interface PickerLog {
  calls: string[]
  result: { sourceId: string; quality: string; audio: boolean } | 'cancelled' | null
}

let browser: Browser
let bundle: string

beforeAll(async () => {
  const out = await build({
    entryPoints: [
      resolve(
        import.meta.dirname,
        '../src/renderer/src/features/screen-share/testing/pickerHarness.tsx',
      ),
    ],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  bundle = out.outputFiles[0].text
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function openPicker(hash = ''): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`about:blank#${hash}`)
  await page.setContent('<!doctype html><html lang="en"><body><div id="root"></div></body></html>')
  await page.addScriptTag({ content: bundle })
  await page.getByRole('dialog', { name: 'Share your screen' }).waitFor()
  return page
}

async function pickerLog(page: Page): Promise<PickerLog> {
  return page.evaluate(() => (globalThis as unknown as { __picker: PickerLog }).__picker)
}

async function waitForResult(page: Page): Promise<PickerLog['result']> {
  await page.waitForFunction(
    () => (globalThis as unknown as { __picker: PickerLog }).__picker.result !== null,
  )
  return (await pickerLog(page)).result
}

describe('desktop screen-share picker (real Chromium)', () => {
  it('lists screens, moves with the arrow keys and shares with Enter', async () => {
    const page = await openPicker()
    const screens = page.getByRole('listbox', { name: 'Screens' })
    await screens.getByRole('option', { name: 'Screen 2' }).waitFor()
    expect(await page.getByRole('tab', { name: 'Screens' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    const first = screens.getByRole('option', { name: 'Screen 1' })
    expect(await first.getAttribute('aria-selected')).toBe('true')
    await first.focus()
    await page.keyboard.press('ArrowRight')
    const second = screens.getByRole('option', { name: 'Screen 2' })
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => second.evaluate((el) => el.matches(':focus'))).toBe(true)
    await page.keyboard.press('Enter')
    expect(await waitForResult(page)).toEqual({
      sourceId: 'screen:2:0',
      quality: 'text',
      audio: false,
    })
    expect(await page.getByRole('checkbox', { name: 'Share system audio' }).count()).toBe(0)
    await page.close()
  })

  it('polls only the visible tab and shares a window with the Share button and Motion quality', async () => {
    const page = await openPicker()
    await page.getByRole('option', { name: 'Screen 1' }).waitFor()
    const screensTab = page.getByRole('tab', { name: 'Screens' })
    await screensTab.focus()
    await page.keyboard.press('ArrowRight')
    const windowsTab = page.getByRole('tab', { name: 'Windows' })
    await expect.poll(() => windowsTab.getAttribute('aria-selected')).toBe('true')
    await page
      .getByRole('listbox', { name: 'Windows' })
      .getByRole('option', { name: 'Window 4' })
      .waitFor()

    const switchedAt = (await pickerLog(page)).calls.lastIndexOf('screen') + 1
    await page.waitForFunction(
      (from) =>
        (globalThis as unknown as { __picker: PickerLog }).__picker.calls.slice(from).length >= 4,
      switchedAt,
    )
    const afterSwitch = (await pickerLog(page)).calls.slice(switchedAt)
    expect(new Set(afterSwitch)).toEqual(new Set(['window']))

    await page.getByRole('option', { name: 'Window 3' }).click()
    await page.getByRole('radio', { name: /Motion/ }).check()
    await page.getByRole('button', { name: 'Share', exact: true }).click()
    expect(await waitForResult(page)).toEqual({
      sourceId: 'window:3:0',
      quality: 'motion',
      audio: false,
    })
    await page.close()
  })

  it('offers system audio where supported, starting from the remembered choice', async () => {
    const page = await openPicker('audio=1&remembered=1')
    const audio = page.getByRole('checkbox', { name: 'Share system audio' })
    expect(await audio.isChecked()).toBe(true)
    await audio.uncheck()
    await page.getByRole('option', { name: 'Screen 1' }).waitFor()
    await page.getByRole('button', { name: 'Share', exact: true }).click()
    expect(await waitForResult(page)).toEqual({
      sourceId: 'screen:1:0',
      quality: 'text',
      audio: false,
    })
    await page.close()
  })

  it('cancels with Escape and with the Cancel button', async () => {
    const page = await openPicker()
    await page.getByRole('option', { name: 'Screen 1' }).waitFor()
    await page.keyboard.press('Escape')
    expect(await waitForResult(page)).toBe('cancelled')
    await page.close()

    const again = await openPicker()
    await again.getByRole('button', { name: 'Cancel' }).click()
    expect(await waitForResult(again)).toBe('cancelled')
    await again.close()
  })
})
