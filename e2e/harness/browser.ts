import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { installNoMediaDevices } from './noDevices'
import { watchPageErrors } from './pageErrors'
import { WAIT_TIMEOUT } from './timeouts'

/** System Chromium from Debian's `chromium` package; CHROMIUM_PATH overrides it elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Fake camera/microphone and no permission prompts, so real WebRTC runs headless; with the
 * fake UI, getDisplayMedia picks a fake 1280x720 "screen" without a picker. Background
 * services are off so the browser makes no traffic of its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // Several pages render video at once; a hidden or occluded page must not be throttled.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
]

export interface LaunchOptions {
  /** Another Chromium launcher (e.g. one that runs it in a network namespace: peerNetns.ts). */
  executablePath?: string
  extraArgs?: string[]
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package or set CHROMIUM_PATH.`,
    )
  }
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  })
  // Every context any spec makes is watched, so a page error fails the test (pageErrors.ts).
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (...args) => {
    const context = await newContext(...args)
    watchPageErrors(context)
    return context
  }
  return browser
}

export interface ParticipantOptions {
  /** Pretend the machine has no camera and no microphone (WebRTC itself stays real). */
  noDevices?: boolean
}

/**
 * A fresh browser context stands for one person on their own machine. Camera and microphone
 * permission is granted for the server origin: without it Chromium gathers no loopback ICE
 * candidates, even for peers that send no media.
 */
export interface BrowserPerson {
  context: BrowserContext
  page: Page
}

export async function newParticipant(
  browser: Browser,
  origin: string,
  options: ParticipantOptions = {},
): Promise<BrowserPerson> {
  const context = await browser.newContext({ viewport: { width: 960, height: 640 } })
  context.setDefaultTimeout(WAIT_TIMEOUT)
  await context.grantPermissions(['camera', 'microphone'], { origin })
  if (options.noDevices) await context.addInitScript(installNoMediaDevices)
  const page = await context.newPage()
  return { context, page }
}
