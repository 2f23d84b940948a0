/**
 * File sharing in the page: offering generated files by a real drop event, watching the bulk
 * channels a page receives (bytes counted, channels closable to break a transfer), and reading
 * the Origin Private File System. Page functions are serialized, so each is self-contained; the
 * node tsconfig has no DOM library, so the browser shapes used are declared locally.
 */
import type { Locator, Page } from 'playwright-core'
import { chatPanel, openChat } from './chat'
import { WAIT_TIMEOUT } from './ui'
import { joinViaUi } from './ui'
import type { E2eWorld, Participant } from './world'

interface BulkProbeWindow {
  __moimBulk: {
    channels: number
    bytes: number
    open: { close(): void }[]
    connections: { restartIce(): void }[]
  }
}

/** Init script: counts the bulk channels the page is given and the bytes they carry. */
export function installBulkProbe(): void {
  interface Channel {
    label: string
    close(): void
    addEventListener(type: string, fn: (event: { data: unknown }) => void): void
  }
  const w = globalThis as unknown as BulkProbeWindow & {
    RTCPeerConnection: new (...args: unknown[]) => {
      addEventListener(type: string, fn: (event: { channel: Channel }) => void): void
      restartIce(): void
    }
  }
  w.__moimBulk = { channels: 0, bytes: 0, open: [], connections: [] }
  const Original = w.RTCPeerConnection
  w.RTCPeerConnection = class extends Original {
    constructor(...args: unknown[]) {
      super(...args)
      w.__moimBulk.connections.push(this)
      this.addEventListener('datachannel', ({ channel }) => {
        if (!channel.label.startsWith('moim-bulk:')) return
        w.__moimBulk.channels++
        w.__moimBulk.open.push(channel)
        channel.addEventListener('message', ({ data }) => {
          w.__moimBulk.bytes += (data as { byteLength?: number }).byteLength ?? 0
        })
      })
    }
  } as typeof Original
}

/** Joins like world.join, with the bulk probe installed before the page loads. */
export async function joinWithProbe(
  world: E2eWorld,
  name: string,
  room: string,
): Promise<Participant> {
  const person = await world.participant(name)
  await person.context.addInitScript(installBulkProbe)
  await joinViaUi(person.page, { origin: world.origin, name, room })
  return person
}

export async function bulkReceived(page: Page): Promise<{ channels: number; bytes: number }> {
  return page.evaluate(() => {
    const { channels, bytes } = (globalThis as unknown as BulkProbeWindow).__moimBulk
    return { channels, bytes }
  })
}

/** Restarts ICE on every peer connection of the page (what the app does after a network loss). */
export async function restartIce(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const pc of (globalThis as unknown as BulkProbeWindow).__moimBulk.connections)
      pc.restartIce()
  })
}

/** Closes every bulk channel the page has received (the transfer's channel breaks). */
export async function breakBulkChannels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = (globalThis as unknown as BulkProbeWindow).__moimBulk
    for (const channel of probe.open.splice(0)) channel.close()
  })
}

/**
 * Drops a generated file onto the call (as a user dragging it in would) and returns the hex
 * SHA-256 of its content. random: the content is random (else zeros, cheaper for big files).
 */
export async function dropGeneratedFile(
  page: Page,
  file: { name: string; size: number; random: boolean },
): Promise<string> {
  return page.evaluate(async ({ name, size, random }) => {
    const g = globalThis as unknown as {
      crypto: {
        getRandomValues(a: Uint8Array): void
        subtle: { digest(alg: string, data: Uint8Array): Promise<ArrayBuffer> }
      }
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown
      DataTransfer: new () => { items: { add(file: unknown): void } }
      DragEvent: new (type: string, init: Record<string, unknown>) => unknown
      dispatchEvent(event: unknown): void
    }
    const bytes = new Uint8Array(size)
    if (random)
      for (let at = 0; at < size; at += 65536)
        g.crypto.getRandomValues(bytes.subarray(at, at + 65536))
    const digest = new Uint8Array(await g.crypto.subtle.digest('SHA-256', bytes))
    const data = new g.DataTransfer()
    data.items.add(new g.File([bytes], name, { type: 'application/octet-stream' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      g.dispatchEvent(
        new g.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      )
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
  }, file)
}

/** Paths of the files in the page's files area of the Origin Private File System. */
export async function storedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    interface Dir {
      kind: 'directory' | 'file'
      entries(): AsyncIterable<[string, Dir]>
      getDirectoryHandle(name: string): Promise<Dir>
    }
    const nav = (
      globalThis as unknown as { navigator: { storage: { getDirectory(): Promise<Dir> } } }
    ).navigator
    const root = await nav.storage.getDirectory()
    let area: Dir
    try {
      area = await root.getDirectoryHandle('moim-files')
    } catch {
      return []
    }
    const paths: string[] = []
    for await (const [name, entry] of area.entries()) {
      if (entry.kind !== 'directory') paths.push(name)
      else for await (const [inner] of entry.entries()) paths.push(`${name}/${inner}`)
    }
    return paths
  })
}

/** Hex SHA-256 of a file in the page's files area (by its path from storedFiles). */
export async function storedFileHash(page: Page, path: string): Promise<string> {
  return page.evaluate(async (path) => {
    interface Handle {
      getDirectoryHandle(name: string): Promise<Handle>
      getFileHandle(
        name: string,
      ): Promise<{ getFile(): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }> }>
    }
    const g = globalThis as unknown as {
      navigator: { storage: { getDirectory(): Promise<Handle> } }
      crypto: { subtle: { digest(alg: string, data: ArrayBuffer): Promise<ArrayBuffer> } }
    }
    const [instance, name] = path.split('/') as [string, string]
    const root = await g.navigator.storage.getDirectory()
    const dir = await (await root.getDirectoryHandle('moim-files')).getDirectoryHandle(instance)
    const file = await (await dir.getFileHandle(name)).getFile()
    const digest = new Uint8Array(await g.crypto.subtle.digest('SHA-256', await file.arrayBuffer()))
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
  }, path)
}

/** The offer card of a file in the chat (the chat is opened first). */
export async function fileCard(page: Page, name: string): Promise<Locator> {
  await openChat(page)
  const card = chatPanel(page).getByRole('article', { name, exact: true })
  await card.waitFor({ timeout: WAIT_TIMEOUT })
  return card
}

export function cardButton(card: Locator, name: string): Locator {
  return card.getByRole('button', { name, exact: true })
}

/** Writes a file where a crashed page would have left it: an area no live page holds. */
export async function plantLeftover(page: Page): Promise<void> {
  await page.evaluate(async () => {
    interface Dir {
      getDirectoryHandle(name: string, options: { create: boolean }): Promise<Dir>
      getFileHandle(
        name: string,
        options: { create: boolean },
      ): Promise<{
        createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
      }>
    }
    const nav = (
      globalThis as unknown as { navigator: { storage: { getDirectory(): Promise<Dir> } } }
    ).navigator
    const root = await nav.storage.getDirectory()
    const area = await root.getDirectoryHandle('moim-files', { create: true })
    const dir = await area.getDirectoryHandle('crashed-page', { create: true })
    const writable = await (await dir.getFileHandle('partial', { create: true })).createWritable()
    await writable.write('half a file')
    await writable.close()
  })
}

/**
 * Waits until the receiver's card says the file arrived and was verified, for as long as bytes
 * keep arriving: a slow machine is fine, a transfer that stops moving for WAIT_TIMEOUT fails.
 */
export async function waitForReceived(page: Page, card: Locator): Promise<void> {
  const done = card.getByText('Received and verified')
  let bytes = -1
  let movedAt = Date.now()
  for (;;) {
    const arrived = await done
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false)
    if (arrived) return
    const now = (await bulkReceived(page)).bytes
    if (now !== bytes) {
      bytes = now
      movedAt = Date.now()
    } else if (Date.now() - movedAt > WAIT_TIMEOUT) {
      throw new Error(`the transfer stopped at ${bytes} bytes for ${WAIT_TIMEOUT / 1000} s`)
    }
  }
}
