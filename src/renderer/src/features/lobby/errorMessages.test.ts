import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n/translate'
import { describeCallError, describeMediaError, missingDeviceNotice } from './errorMessages'

const text = (message: ReturnType<typeof describeCallError> | null) =>
  message ? translate('en', message.key, message.vars) : null

describe('describeCallError', () => {
  it('says how full a full room is', () => {
    expect(
      text(describeCallError({ code: 'ROOM_FULL', message: 'x', params: { capacity: 2 } })),
    ).toBe('This room is full (2 of 2).')
    expect(text(describeCallError({ code: 'ROOM_FULL', message: 'x' }))).toBe('This room is full.')
  })

  it('maps server problems to actionable messages', () => {
    expect(text(describeCallError({ code: 'WRONG_PASSWORD', message: '' }))).toBe('Wrong password.')
    const unreachable = describeCallError({ code: 'CONNECTION_FAILED', message: '' })
    expect(unreachable.hintKey).toBe('error.serverUnreachableHint')
    expect(describeCallError({ code: 'KICKED', message: '' }).key).toBe('notice.kicked')
    expect(describeCallError({ code: 'INVITE_REQUIRED', message: '' })).toEqual({
      key: 'security.inviteRequired',
      hintKey: 'security.inviteRequiredHint',
      tone: 'error',
    })
    expect(describeCallError({ code: 'RESTARTING', message: '' }).key).toBe('security.restarting')
  })

  it('names the device in media errors', () => {
    const params = { device: 'microphone' }
    expect(text(describeCallError({ code: 'MEDIA_BUSY', message: '', params }))).toBe(
      'Microphone is in use by another application.',
    )
    expect(text(describeCallError({ code: 'MEDIA_BUSY', message: '' }))).toBe(
      'Camera is in use by another application.',
    )
  })

  it('keeps the server detail for unexpected codes', () => {
    expect(text(describeCallError({ code: 'INTERNAL', message: 'boom' }))).toBe(
      'Something went wrong: boom',
    )
  })
})

describe('describeMediaError', () => {
  it('treats a missing camera as a notice, not an error', () => {
    const message = describeMediaError({ device: 'camera', kind: 'not-found', message: '' })
    expect(message?.tone).toBe('notice')
    expect(text(message)).toBe('No camera found — you can still join.')
  })

  it('explains a busy camera with what to do', () => {
    const message = describeMediaError({ device: 'camera', kind: 'busy', message: '' })
    expect(text(message)).toBe('Camera is in use by another application.')
    expect(message?.hintKey).toBe('error.cameraBusyHint')
  })

  it('stays quiet when the user cancels the screen picker', () => {
    expect(describeMediaError({ device: 'screen', kind: 'denied', message: '' })).toBeNull()
  })
})

describe('missingDeviceNotice', () => {
  it('names what is missing', () => {
    expect(missingDeviceNotice(true, true)).toBeNull()
    expect(missingDeviceNotice(false, true)?.key).toBe('notice.noCamera')
    expect(missingDeviceNotice(false, false)?.key).toBe('notice.noDevices')
  })
})
