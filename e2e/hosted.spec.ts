/**
 * A call hosted the way the desktop app hosts it: the app's side on the loopback listener,
 * browser guests through the HTTPS local-network listener with the app's self-signed
 * certificate, invite-only. (Everything stays on loopback: the "LAN" listener is bound to
 * 127.0.0.1 here; the server tells guests from the app by listener, not by address.)
 */
import { randomBytes } from 'node:crypto'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testCertificate } from '../signaling-server/testing/certificate'
import { startServer, type RunningServer } from '../signaling-server/start'
import { expectAccessible } from './harness/a11y'
import { launchBrowser } from './harness/browser'
import { installProbes } from './harness/probes'
import { WEB_ROOT } from './harness/server'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import {
  callControl,
  expectAlert,
  expectRemoteVideosPlaying,
  expectTileLabels,
  fillLobby,
  joinButton,
  joinViaUi,
  participantsRegion,
} from './harness/ui'

/** What the specs read in the page (the e2e build has no DOM types). */
interface PageGlobals {
  isSecureContext: boolean
  navigator: { clipboard: { readText(): Promise<string> } }
}

describe('hosted call: invite-only over HTTPS', { timeout: SPEC_TIMEOUT }, () => {
  let server: RunningServer
  let browser: Browser
  let appOrigin: string
  let lanOrigin: string
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    server = await startServer({
      logLevel: 'warn',
      stunUrls: [],
      secret: randomBytes(24).toString('hex'),
      inviteOnly: true,
      tls: await testCertificate(),
      port: 0,
      host: '127.0.0.1',
      webRoot: WEB_ROOT,
    })
    appOrigin = `http://127.0.0.1:${server.port}`
    lanOrigin = `https://127.0.0.1:${await server.openLan({ host: '127.0.0.1' })}`
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  /** A guest's browser, after they clicked through the one-time certificate warning. */
  async function person(origin: string) {
    const context = await browser.newContext({
      viewport: { width: 960, height: 640 },
      ignoreHTTPSErrors: true,
    })
    contexts.push(context)
    context.setDefaultTimeout(WAIT_TIMEOUT)
    await context.grantPermissions(['camera', 'microphone', 'clipboard-read', 'clipboard-write'], {
      origin,
    })
    await context.addInitScript(installProbes)
    return context.newPage()
  }

  it('refuses a guest without the room key and admits one with the invite link', async () => {
    const host = await person(appOrigin)
    await joinViaUi(host, { origin: appOrigin, name: 'Host', room: '금요일' })

    // The host copies the invite link: it carries the room key in its fragment.
    await callControl(host, 'Copy invite link').click()
    const invite = new URL(
      await host.evaluate(() =>
        (globalThis as unknown as PageGlobals).navigator.clipboard.readText(),
      ),
    )
    expect(invite.hash).toMatch(/^#key=[A-Za-z0-9_-]{22,}$/)
    expect(invite.searchParams.get('room')).toBe('금요일')

    // Someone on the network who only knows the room name is refused.
    const stranger = await person(lanOrigin)
    await stranger.goto(`${lanOrigin}/?room=${encodeURIComponent('금요일')}&lang=en`)
    expect(
      await stranger.evaluate(() => (globalThis as unknown as PageGlobals).isSecureContext),
    ).toBe(true)
    await fillLobby(stranger, { name: 'Stranger', room: '금요일' })
    await joinButton(stranger).click()
    await expectAlert(stranger, /can only be joined with its invite link/)
    await expectAccessible(stranger, { include: 'main' })

    // A friend opens the invite link on the HTTPS address and gets a full call.
    const friend = await person(lanOrigin)
    await friend.goto(`${lanOrigin}/${invite.search}${invite.hash}`)
    await friend.getByRole('textbox', { name: 'Your name', exact: true }).fill('Friend')
    await joinButton(friend).click()
    await participantsRegion(friend).waitFor({ timeout: WAIT_TIMEOUT })
    await Promise.all([expectRemoteVideosPlaying(friend, 1), expectRemoteVideosPlaying(host, 1)])
    await expectTileLabels(host, ['Host (you)', 'Friend'])
    await expectAccessible(friend, { include: 'main' })
  })
})
