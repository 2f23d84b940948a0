import type { Browser } from 'playwright-core'
import { newParticipant, type BrowserPerson } from '../../e2e/harness/browser'
import { installProbes } from '../../e2e/harness/probes'
import { expectRemoteVideosPlaying } from '../../e2e/harness/ui'
import type { BareRelay } from './bare-relay'

interface BareMeshWindow {
  benchPrepare: () => Promise<void>
  benchJoin: (room: string) => Promise<void>
  benchStartedAt: number
}

async function meshPerson(browser: Browser, relay: BareRelay): Promise<BrowserPerson> {
  const person = await newParticipant(browser, relay.origin)
  await person.context.addInitScript(installProbes)
  await person.page.goto(`${relay.origin}/mesh`)
  await person.page.evaluate(() => (globalThis as unknown as BareMeshWindow).benchPrepare())
  return person
}

function join(person: BrowserPerson, room: string): Promise<void> {
  return person.page.evaluate(
    (name) => (globalThis as unknown as BareMeshWindow).benchJoin(name),
    room,
  )
}

/** `size` bare mesh clients in one room, each seeing the others play. */
export async function startBareMesh(
  browser: Browser,
  relay: BareRelay,
  room: string,
  size: number,
) {
  const members: BrowserPerson[] = []
  for (let i = 0; i < size; i++) {
    const member = await meshPerson(browser, relay)
    await join(member, room)
    members.push(member)
  }
  const settle = () => Promise.all(members.map((m) => expectRemoteVideosPlaying(m.page, size - 1)))
  await settle()
  return {
    /** One newcomer joins: ms from its join call to every member's video playing. */
    measureJoin: async (): Promise<number> => {
      const newcomer = await meshPerson(browser, relay)
      try {
        await join(newcomer, room)
        await expectRemoteVideosPlaying(newcomer.page, size)
        const playing = Date.now()
        const started = await newcomer.page.evaluate(
          () => (globalThis as unknown as BareMeshWindow).benchStartedAt,
        )
        return playing - started
      } finally {
        await newcomer.context.close()
      }
    },
    close: () => Promise.all(members.map((m) => m.context.close())),
  }
}
