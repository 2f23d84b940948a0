import { describe, expect, it, vi } from 'vitest'
import { DESKTOP_SAVE_CHUNK, desktopSaveFile } from './filesPlatform'

function fakeApi(token: string | null = 'token-0123456789abcdef') {
  return {
    saveBegin: vi.fn(async (_file: { name: string; size: number }) => token),
    saveChunk: vi.fn(async (_token: string, _offset: number, _bytes: Uint8Array) => {}),
    saveEnd: vi.fn(async (_token: string) => true),
    saveAbort: vi.fn(async (_token: string) => {}),
  }
}

describe('desktopSaveFile', () => {
  it('hands the main process the name and size, then the bytes in bounded chunks in order', async () => {
    const api = fakeApi()
    const file = new File([new Uint8Array(DESKTOP_SAVE_CHUNK * 2 + 5)], 'clip.mp4')
    await desktopSaveFile(api)(file)
    expect(api.saveBegin).toHaveBeenCalledWith({ name: 'clip.mp4', size: file.size })
    expect(api.saveChunk.mock.calls.map(([, offset, bytes]) => [offset, bytes.byteLength])).toEqual(
      [
        [0, DESKTOP_SAVE_CHUNK],
        [DESKTOP_SAVE_CHUNK, DESKTOP_SAVE_CHUNK],
        [2 * DESKTOP_SAVE_CHUNK, 5],
      ],
    )
    expect(api.saveEnd).toHaveBeenCalledWith('token-0123456789abcdef')
  })

  it('sends nothing when the dialog is cancelled', async () => {
    const api = fakeApi(null)
    await desktopSaveFile(api)(new File(['x'], 'x.txt'))
    expect(api.saveChunk).not.toHaveBeenCalled()
  })

  it('aborts (the partial file is deleted) when a chunk fails', async () => {
    const api = fakeApi()
    api.saveChunk.mockRejectedValueOnce(new Error('disk full'))
    await expect(desktopSaveFile(api)(new File(['abc'], 'x.txt'))).rejects.toThrow('disk full')
    expect(api.saveAbort).toHaveBeenCalledWith('token-0123456789abcdef')
  })
})
