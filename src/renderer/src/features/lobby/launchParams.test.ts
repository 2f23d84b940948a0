import { describe, expect, it } from 'vitest'
import { isValidRoomName, parseLaunchParams, sanitizeRoomName } from './launchParams'
import { randomRoomName } from './randomRoom'

describe('parseLaunchParams', () => {
  it('reads room and lang', () => {
    expect(parseLaunchParams('?room=friday&lang=ko')).toEqual({
      room: 'friday',
      lang: 'ko',
      key: null,
    })
  })

  it('returns nulls when absent or unsupported', () => {
    expect(parseLaunchParams('')).toEqual({ room: null, lang: null, key: null })
    expect(parseLaunchParams('?lang=de&room=')).toEqual({ room: null, lang: null, key: null })
  })

  it('makes a hand-typed room usable', () => {
    expect(parseLaunchParams('?room=Friday%20Night!').room).toBe('Friday-Night')
    expect(parseLaunchParams('?room=%20%F0%9F%8E%89%20').room).toBeNull()
  })
})

describe('sanitizeRoomName', () => {
  it('keeps valid names unchanged', () => {
    expect(sanitizeRoomName('team_a-1')).toBe('team_a-1')
  })

  it('cuts to 64 characters', () => {
    const long = sanitizeRoomName('a'.repeat(100))
    expect(long).toHaveLength(64)
    expect(isValidRoomName(long)).toBe(true)
  })

  it('rejects what the server would reject', () => {
    expect(isValidRoomName('')).toBe(false)
    expect(isValidRoomName('a b')).toBe(false)
    expect(isValidRoomName('fri\u202Eday')).toBe(false)
  })

  it('keeps Unicode letters (NFC) and turns symbols and invisible characters into -', () => {
    expect(sanitizeRoomName('금요일')).toBe('금요일')
    expect(isValidRoomName('금요일')).toBe(true)
    expect(sanitizeRoomName('금요일'.normalize('NFD'))).toBe('금요일')
    expect(sanitizeRoomName('금요일 모임 🎉')).toBe('금요일-모임')
    expect(sanitizeRoomName('a\u200Bb')).toBe('a-b')
    expect([...sanitizeRoomName('가'.repeat(100))]).toHaveLength(64)
  })

  it('reads the room key from the fragment of an invite link', () => {
    const key = 'AbCdEfGhIjKlMnOpQrStUv'
    expect(parseLaunchParams('?room=%EA%B8%88%EC%9A%94%EC%9D%BC', `#key=${key}`)).toEqual({
      room: '금요일',
      lang: null,
      key,
    })
    expect(parseLaunchParams('?room=x', '#key=short').key).toBeNull()
  })
})

describe('randomRoomName', () => {
  it('builds a valid room name from the random source', () => {
    const name = randomRoomName(() => 0)
    expect(name).toBe('amber-badger-1000')
    expect(isValidRoomName(randomRoomName())).toBe(true)
  })
})
