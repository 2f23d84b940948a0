import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import { chatPanel } from './harness/chat'
import {
  breakBulkChannels,
  bulkReceived,
  cardButton,
  dropGeneratedFile,
  fileCard,
  joinWithProbe,
  plantLeftover,
  restartIce,
  storedFileHash,
  storedFiles,
  waitForReceived,
} from './harness/files'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { expectRemoteVideosPlaying, leaveViaUi, WAIT_TIMEOUT } from './harness/ui'
import { useE2eWorld } from './harness/world'

const MB = 1024 * 1024

describe('file sharing in the call', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('a 50 MB file reaches the one who accepts with the same SHA-256; the one who declines gets no bytes; leaving deletes it', async () => {
    const room = 'files-basic'
    const ana = await joinWithProbe(world(), 'Ana', room)
    const bo = await joinWithProbe(world(), 'Bo', room)
    const chul = await joinWithProbe(world(), 'Chul', room)
    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))

    const sha = await dropGeneratedFile(ana.page, {
      name: 'holiday.bin',
      size: 50 * MB,
      random: true,
    })
    const chulCard = await fileCard(chul.page, 'holiday.bin')
    await chulCard.getByText('From Ana').waitFor()
    await expectAccessible(chul.page, { include: '.chat-panel' })
    await cardButton(chulCard, 'Decline').click()
    await chulCard.getByText('You declined this file.').waitFor()

    const boCard = await fileCard(bo.page, 'holiday.bin')
    await cardButton(boCard, 'Accept').click()
    await waitForReceived(bo.page, boCard)
    await boCard.getByText(`SHA-256 ${sha.slice(0, 4)} ${sha.slice(4, 8)}`).waitFor()
    const stored = await storedFiles(bo.page)
    expect(stored).toHaveLength(1)
    expect(await storedFileHash(bo.page, stored[0]!)).toBe(sha)
    await expectAccessible(bo.page, { include: '.chat-panel' })

    const anaCard = await fileCard(ana.page, 'holiday.bin')
    await anaCard.getByText('Delivered and verified').waitFor({ timeout: WAIT_TIMEOUT })
    await anaCard.getByText('Declined by Chul').waitFor()
    await expectAccessible(ana.page, { include: '.chat-panel' })

    expect(await bulkReceived(chul.page)).toEqual({ channels: 0, bytes: 0 })
    expect(await storedFiles(chul.page)).toEqual([])
    expect((await bulkReceived(bo.page)).bytes).toBeGreaterThanOrEqual(50 * MB)

    const download = bo.page.waitForEvent('download', { timeout: WAIT_TIMEOUT })
    await cardButton(boCard, 'Save').click()
    expect((await download).suggestedFilename()).toBe('holiday.bin')

    await leaveViaUi(bo.page)
    await expect.poll(() => storedFiles(bo.page), { timeout: WAIT_TIMEOUT }).toEqual([])
  })

  it('the sender leaving mid-transfer fails it for the receiver and leaves no data', async () => {
    const room = 'files-sender-leaves'
    const ana = await joinWithProbe(world(), 'Ana', room)
    const bo = await joinWithProbe(world(), 'Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)
    await dropGeneratedFile(ana.page, { name: 'big.iso', size: 400 * MB, random: false })
    const boCard = await fileCard(bo.page, 'big.iso')
    await cardButton(boCard, 'Accept').click()
    await expect
      .poll(async () => (await bulkReceived(bo.page)).bytes, { timeout: WAIT_TIMEOUT })
      .toBeGreaterThan(4 * MB)
    await leaveViaUi(ana.page)
    await boCard
      .getByText('Stopped: the other side left the call. Partial data was deleted.')
      .waitFor({ timeout: WAIT_TIMEOUT })
    await expect.poll(() => storedFiles(bo.page), { timeout: WAIT_TIMEOUT }).toEqual([])
    await expectAccessible(bo.page, { include: '.chat-panel' })
  })

  it('a transfer whose channel breaks resumes from the last written byte and arrives intact', async () => {
    const room = 'files-resume'
    const ana = await joinWithProbe(world(), 'Ana', room)
    const bo = await joinWithProbe(world(), 'Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)
    const sha = await dropGeneratedFile(ana.page, {
      name: 'video.mp4',
      size: 120 * MB,
      random: true,
    })
    const boCard = await fileCard(bo.page, 'video.mp4')
    await cardButton(boCard, 'Accept').click()
    await expect
      .poll(async () => (await bulkReceived(bo.page)).bytes, { timeout: WAIT_TIMEOUT })
      .toBeGreaterThan(8 * MB)
    await breakBulkChannels(bo.page)
    await waitForReceived(bo.page, boCard)
    const probe = await bulkReceived(bo.page)
    // A second channel carried the rest, and not everything again.
    expect(probe.channels).toBe(2)
    expect(probe.bytes).toBeLessThan(120 * MB + 16 * MB)
    const stored = await storedFiles(bo.page)
    expect(await storedFileHash(bo.page, stored[0]!)).toBe(sha)
    await chatPanel(ana.page).getByText('Delivered and verified').waitFor({ timeout: WAIT_TIMEOUT })
  })

  it('an ICE restart mid-transfer: the transfer carries on over the same channel', async () => {
    const room = 'files-ice-restart'
    const ana = await joinWithProbe(world(), 'Ana', room)
    const bo = await joinWithProbe(world(), 'Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)
    const sha = await dropGeneratedFile(ana.page, {
      name: 'notes.pdf',
      size: 80 * MB,
      random: true,
    })
    const boCard = await fileCard(bo.page, 'notes.pdf')
    await cardButton(boCard, 'Accept').click()
    await expect
      .poll(async () => (await bulkReceived(bo.page)).bytes, { timeout: WAIT_TIMEOUT })
      .toBeGreaterThan(4 * MB)
    await restartIce(bo.page)
    await waitForReceived(bo.page, boCard)
    expect((await bulkReceived(bo.page)).channels).toBe(1)
    const stored = await storedFiles(bo.page)
    expect(await storedFileHash(bo.page, stored[0]!)).toBe(sha)
  })

  it('files a crashed page left behind are deleted when the app starts again', async () => {
    const ana = await world().participant('Ana')
    // A blank page of the app's origin plants the leftover before any app code runs.
    const blank = `${world().origin}/blank-for-test`
    await ana.page.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    )
    await ana.page.goto(blank)
    await plantLeftover(ana.page)
    expect(await storedFiles(ana.page)).toEqual(['crashed-page/partial'])
    await ana.page.unroute(blank)
    await ana.page.goto(world().origin)
    await ana.page.getByRole('button', { name: 'Join', exact: true }).waitFor()
    await expect.poll(() => storedFiles(ana.page), { timeout: WAIT_TIMEOUT }).toEqual([])
  })
})
