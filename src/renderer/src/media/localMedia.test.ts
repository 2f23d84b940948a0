import { describe, expect, it } from 'vitest'
import { FakeMediaDevices } from '../session/testing/fakeDevices'
import { acquireUserMedia, listDevices } from './localMedia'
import { classifyMediaError } from './mediaErrors'
import { captureScreen, SCREEN_PRESETS } from './screenCapture'

const named = (name: string) => Object.assign(new Error(name), { name })

describe('media errors', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['NotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['TypeError', 'unsupported'],
    ['WeirdError', 'unknown'],
  ])('%s -> %s', (name, kind) => {
    expect(classifyMediaError(named(name))).toBe(kind)
  })

  it('handles non-Error values', () => {
    expect(classifyMediaError('boom')).toBe('unknown')
    expect(classifyMediaError({ name: 'NotAllowedError' })).toBe('denied')
  })
})

describe('acquireUserMedia', () => {
  it('asks for the chosen devices exactly', async () => {
    const devices = new FakeMediaDevices()
    const result = await acquireUserMedia(devices.asMediaDevices(), {
      audio: true,
      video: true,
      cameraId: 'cam-2',
      microphoneId: 'mic-2',
    })
    expect(result.error).toBeNull()
    expect(result.video?.getSettings().deviceId).toBe('cam-2')
    expect(result.audio?.getSettings().deviceId).toBe('mic-2')
    expect(devices.calls[0].video).toMatchObject({ deviceId: { exact: 'cam-2' } })
  })

  it('falls back to the default device when the chosen one is gone', async () => {
    const devices = new FakeMediaDevices()
    const result = await acquireUserMedia(devices.asMediaDevices(), {
      audio: true,
      video: true,
      cameraId: 'unplugged-cam',
      microphoneId: 'mic-2',
    })
    expect(result.error).toBeNull()
    expect(result.video?.getSettings().deviceId).toBe('cam-1')
    expect(result.audio?.getSettings().deviceId).toBe('mic-2')
  })

  it('keeps the working device when the other fails', async () => {
    const devices = new FakeMediaDevices()
    devices.failures.audio = 'NotReadableError'
    const result = await acquireUserMedia(devices.asMediaDevices(), { audio: true, video: true })
    expect(result.video).not.toBeNull()
    expect(result.audio).toBeNull()
    expect(result.error).toMatchObject({ device: 'microphone', kind: 'busy' })
  })

  it('reports a missing mediaDevices (insecure page) as unsupported', async () => {
    const result = await acquireUserMedia(undefined, { audio: true, video: false })
    expect(result.error).toMatchObject({ device: 'microphone', kind: 'unsupported' })
  })

  it('asks for nothing when nothing is wanted', async () => {
    const devices = new FakeMediaDevices()
    expect(
      await acquireUserMedia(devices.asMediaDevices(), { audio: false, video: false }),
    ).toEqual({
      audio: null,
      video: null,
      error: null,
    })
    expect(devices.calls).toHaveLength(0)
  })
})

describe('listDevices', () => {
  it('lists cameras and microphones, not outputs', async () => {
    const devices = new FakeMediaDevices()
    const lists = await listDevices(devices.asMediaDevices())
    expect(lists.cameras.map((d) => d.deviceId)).toEqual(['cam-1', 'cam-2'])
    expect(lists.microphones.map((d) => d.deviceId)).toEqual(['mic-1', 'mic-2'])
    expect(await listDevices(undefined)).toEqual({ cameras: [], microphones: [] })
  })
})

describe('captureScreen', () => {
  it('applies the text preset: detail hint, up to 1080p, low frame rate', async () => {
    const devices = new FakeMediaDevices()
    const stream = await captureScreen(devices.asMediaDevices(), 'text', false)
    expect(stream.getVideoTracks()[0].contentHint).toBe('detail')
    expect(devices.calls[0]).toEqual({ video: SCREEN_PRESETS.text.video, audio: false })
    expect(SCREEN_PRESETS.text.video.frameRate).toEqual({ ideal: 10, max: 15 })
  })

  it('applies the motion preset at 30 fps', async () => {
    const devices = new FakeMediaDevices()
    const stream = await captureScreen(devices.asMediaDevices(), 'motion', true)
    expect(stream.getVideoTracks()[0].contentHint).toBe('motion')
    expect(devices.calls[0]).toMatchObject({
      audio: true,
      video: { frameRate: { ideal: 30, max: 30 } },
    })
  })

  it('rejects clearly where screen capture does not exist', async () => {
    await expect(captureScreen(undefined, 'text', false)).rejects.toMatchObject({
      name: 'NotSupportedError',
    })
  })
})
