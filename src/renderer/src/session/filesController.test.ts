import { describe, expect, it, vi } from 'vitest'
import { MemoryStorage, memorySource } from '../engines/files/testing/memoryStorage'
import { eventually } from '../rtc/testing/eventually'
import { RouterMesh } from '../rtc/testing/routerMesh'
import { createFileProgressStore } from '../store/fileProgressStore'
import { createFilesStore } from '../store/filesStore'
import { FilesController } from './filesController'

function controller(mesh: RouterMesh, id: string, clock: { now: number }) {
  const store = createFilesStore()
  const progress = createFileProgressStore()
  const saveFile = vi.fn(async (_file: File) => {})
  const storage = new MemoryStorage()
  const onIncomingOffer = vi.fn()
  const files = new FilesController({
    onIncomingOffer,
    store,
    progress,
    router: mesh.router(id),
    openChannel: () => null,
    openSource: memorySource,
    storage,
    newId: (() => {
      let n = 0
      return () => `${id}${++n}`
    })(),
    now: () => clock.now,
    nameOf: (peerId) => ({ ana: 'Ana', bo: 'Bo' })[peerId],
    saveFile,
    setInterval: () => 0 as unknown as ReturnType<typeof setInterval>,
    clearInterval: () => {},
    limits: { maxFileBytes: 100 },
  })
  files.start(id)
  return { files, store, progress, saveFile, storage, onIncomingOffer }
}

describe('FilesController', () => {
  it('shows offers with the sender’s name and refuses a file over the limit with a notice', async () => {
    const mesh = new RouterMesh()
    const clock = { now: 0 }
    const ana = controller(mesh, 'ana', clock)
    const bo = controller(mesh, 'bo', clock)
    mesh.connect('ana', 'bo')
    ana.files.offer([new File(['hello'], 'notes.txt', { type: 'text/plain' })])
    await eventually(() => expect(bo.store.getState().offers).toHaveLength(1))
    expect(bo.store.getState().offers[0]).toMatchObject({
      name: 'notes.txt',
      senderName: 'Ana',
      size: 5,
      self: false,
    })
    expect(ana.store.getState().offers[0]?.self).toBe(true)
    // The chat counts it as unread for the receiver, not for the sender.
    expect(bo.onIncomingOffer).toHaveBeenCalledTimes(1)
    expect(ana.onIncomingOffer).not.toHaveBeenCalled()

    ana.files.offer([new File([new Uint8Array(101)], 'big.bin')])
    expect(ana.store.getState().notice).toEqual({ code: 'too-large', name: 'big.bin' })
    ana.files.dismissNotice()
    expect(ana.store.getState().notice).toBeNull()
  })

  it('publishes progress with speed and time left, then saves the verified file', async () => {
    const mesh = new RouterMesh()
    const clock = { now: 0 }
    const ana = controller(mesh, 'ana', clock)
    const bo = controller(mesh, 'bo', clock)
    mesh.connect('ana', 'bo')
    ana.files.offer([new File([], 'empty.txt')])
    await eventually(() => expect(bo.store.getState().offers).toHaveLength(1))
    await bo.files.accept(bo.store.getState().offers[0]!.key)
    await eventually(() =>
      expect(Object.values(bo.store.getState().transfers)[0]?.status).toBe('done'),
    )
    const id = Object.keys(bo.store.getState().transfers)[0]!
    await bo.files.save(id)
    expect(bo.saveFile).toHaveBeenCalledTimes(1)
    expect(bo.saveFile.mock.calls[0]![0].name).toBe('empty.txt')
    expect(bo.progress.getState().progress[id]).toEqual({
      bytes: 0,
      bytesPerSecond: 0,
      secondsLeft: null,
    })
  })

  it('computes speed and time left from the bytes between ticks', () => {
    const mesh = new RouterMesh()
    const clock = { now: 0 }
    const bo = controller(mesh, 'bo', clock)
    bo.store.setState({
      transfers: {
        t1: {
          id: 't1',
          offerKey: 'ana/o1',
          peerId: 'ana',
          direction: 'in',
          status: 'active',
          bytes: 0,
          size: 3000,
          sha256: null,
          error: null,
        },
      },
    })
    const engine = (bo.files as unknown as { engine: { emit: (...a: unknown[]) => void } }).engine
    clock.now = 1000
    engine.emit('progress', 't1', 1000)
    bo.files.flushProgress()
    // First sample: measured from the first tick, nothing yet.
    clock.now = 2000
    engine.emit('progress', 't1', 2000)
    bo.files.flushProgress()
    expect(bo.progress.getState().progress.t1).toEqual({
      bytes: 2000,
      bytesPerSecond: 1000,
      secondsLeft: 1,
    })
  })

  it('leaving deletes received files and clears the cards', async () => {
    const mesh = new RouterMesh()
    const clock = { now: 0 }
    const ana = controller(mesh, 'ana', clock)
    ana.files.offer([new File(['x'], 'x.txt')])
    await ana.files.stop()
    expect(ana.store.getState().offers).toEqual([])
    expect(ana.storage.wipes).toBeGreaterThan(0)
  })
})
