import { describe, expect, it, vi } from 'vitest'
import { FileSaver, saveBeginSchema, saveChunkSchema, type WritableFile } from './fileSave'

function fakeDisk(chosen: string | null = '/home/ana/Downloads/photo.jpg') {
  const files = new Map<string, number[]>()
  const removed: string[] = []
  const chooseTarget = vi.fn(async (_name: string) => chosen)
  const saver = new FileSaver({
    chooseTarget,
    open: async (path) => {
      const data: number[] = []
      files.set(path, data)
      const file: WritableFile = {
        write: async (bytes, position) => {
          bytes.forEach((b, i) => (data[position + i] = b))
        },
        close: async () => {},
      }
      return file
    },
    remove: async (path) => {
      removed.push(path)
      files.delete(path)
    },
    newToken: () => 'token-0123456789abcdef',
  })
  return { saver, files, removed, chooseTarget }
}

describe('FileSaver', () => {
  it('asks where with a sanitised name and writes the chunks in order', async () => {
    const { saver, files, chooseTarget } = fakeDisk()
    const token = await saver.begin('../../.bashrc', 4)
    expect(chooseTarget).toHaveBeenCalledWith('_.._.bashrc')
    await saver.chunk(token!, 0, new Uint8Array([1, 2]))
    await saver.chunk(token!, 2, new Uint8Array([3, 4]))
    expect(await saver.end(token!)).toBe(true)
    expect(files.get('/home/ana/Downloads/photo.jpg')).toEqual([1, 2, 3, 4])
  })

  it('sanitises reserved Windows names before the dialog', async () => {
    const { saver, chooseTarget } = fakeDisk()
    await saver.begin('CON.txt', 0)
    expect(chooseTarget).toHaveBeenCalledWith('_CON.txt')
  })

  it('a cancelled dialog writes nothing', async () => {
    const { saver, files } = fakeDisk(null)
    expect(await saver.begin('a.txt', 1)).toBeNull()
    expect(files.size).toBe(0)
  })

  it('deletes the file on a chunk out of order, past the size, or an early end', async () => {
    for (const bad of [
      async (s: FileSaver, t: string) => s.chunk(t, 1, new Uint8Array([1])),
      async (s: FileSaver, t: string) => s.chunk(t, 0, new Uint8Array([1, 2, 3])),
      async (s: FileSaver, t: string) => {
        if (await s.end(t)) throw new Error('ended short')
        throw new Error('short')
      },
    ]) {
      const { saver, removed } = fakeDisk()
      const token = await saver.begin('a.bin', 2)
      await expect(bad(saver, token!)).rejects.toThrow()
      expect(removed).toEqual(['/home/ana/Downloads/photo.jpg'])
      await expect(saver.chunk(token!, 0, new Uint8Array([1]))).rejects.toThrow('no such save')
    }
  })

  it('refuses unknown tokens and too many saves at once', async () => {
    const { saver } = fakeDisk()
    await expect(saver.chunk('nope-nope-nope-nope', 0, new Uint8Array(1))).rejects.toThrow()
    const never = new FileSaver({
      chooseTarget: () => new Promise(() => {}),
      open: vi.fn(),
      remove: vi.fn(),
    })
    for (let i = 0; i < 4; i++) void never.begin('a', 1)
    await expect(never.begin('a', 1)).rejects.toThrow('too many')
  })

  it('validates payloads: names, sizes, chunk sizes and tokens', () => {
    expect(saveBeginSchema.safeParse({ name: 'a', size: -1 }).success).toBe(false)
    expect(saveBeginSchema.safeParse({ name: '', size: 1 }).success).toBe(false)
    expect(saveBeginSchema.safeParse({ name: 'a', size: 1, path: '/etc' }).success).toBe(false)
    const chunk = { token: 'token-0123456789abcdef', offset: 0, bytes: new Uint8Array(1) }
    expect(saveChunkSchema.safeParse(chunk).success).toBe(true)
    expect(saveChunkSchema.safeParse({ ...chunk, token: '../x' }).success).toBe(false)
    expect(saveChunkSchema.safeParse({ ...chunk, bytes: [1] }).success).toBe(false)
    expect(
      saveChunkSchema.safeParse({ ...chunk, bytes: new Uint8Array(8 * 1024 * 1024 + 1) }).success,
    ).toBe(false)
  })
})
