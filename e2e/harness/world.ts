import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchBrowser, newParticipant, type ParticipantOptions } from './browser'
import { PageDiagnostics } from './diagnostics'
import { installProbes } from './probes'
import { startTestServer, type TestServer, type TestServerConfig } from './server'
import { joinViaUi, type LobbyForm } from './ui'

export interface Participant {
  name: string
  page: Page
  context: BrowserContext
}

/** One signaling server and one browser per spec file; one browser context per person. */
export class E2eWorld {
  private readonly people = new Set<Participant>()
  private diagnostics = new PageDiagnostics()

  constructor(
    readonly server: TestServer,
    private readonly browser: Browser,
  ) {}

  get origin(): string {
    return this.server.origin
  }

  async participant(name: string, options: ParticipantOptions = {}): Promise<Participant> {
    const { context, page } = await newParticipant(this.browser, this.origin, options)
    await context.addInitScript(installProbes)
    const person = { name, page, context }
    this.people.add(person)
    this.diagnostics.watch(name, page)
    return person
  }

  /** A new participant who joins through the lobby and waits for the call screen. */
  async join(
    name: string,
    form: Omit<LobbyForm, 'name'>,
    options: ParticipantOptions = {},
  ): Promise<Participant> {
    const person = await this.participant(name, options)
    await joinViaUi(person.page, { origin: this.origin, name, ...form })
    return person
  }

  /** Closing the context is what a person closing their browser looks like to the others. */
  async dismiss(person: Participant): Promise<void> {
    this.people.delete(person)
    this.diagnostics.forget(person.name)
    await person.context.close()
  }

  async failureReport(testName: string): Promise<string> {
    return this.diagnostics.capture(testName)
  }

  async dismissAll(): Promise<void> {
    await Promise.all([...this.people].map((person) => this.dismiss(person)))
    this.diagnostics = new PageDiagnostics()
  }

  async close(): Promise<void> {
    await this.dismissAll()
    await this.browser.close()
    await this.server.close()
  }
}

/**
 * Registers the hooks of a spec file: start server and browser once, after each test
 * screenshot every page and print console errors if it failed, then close its contexts.
 */
export function useE2eWorld(serverConfig: TestServerConfig = {}): () => E2eWorld {
  let world: E2eWorld | undefined
  let server: TestServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startTestServer(serverConfig)
    browser = await launchBrowser()
    world = new E2eWorld(server, browser)
  })
  afterEach(async (context) => {
    if (!world) return
    if (context.task.result?.state === 'fail') {
      console.error(
        `E2E failure in "${context.task.name}"\n${await world.failureReport(context.task.name)}`,
      )
    }
    await world.dismissAll()
  })
  afterAll(async () => {
    if (world) await world.close()
    else {
      await browser?.close()
      await server?.close()
    }
  })
  return () => {
    if (!world) throw new Error('The E2E world is not started (beforeAll failed?)')
    return world
  }
}
