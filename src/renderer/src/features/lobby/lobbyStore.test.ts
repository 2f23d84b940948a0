import { describe, expect, it } from 'vitest'
import { CAPACITY_CHOICES, initialLobbyForm, inviteKeyFor, validateLobbyForm } from './lobbyStore'

describe('initialLobbyForm', () => {
  it('prefills the room from the link and the remembered name', () => {
    expect(initialLobbyForm('?room=friday', 'Ada')).toEqual({
      name: 'Ada',
      room: 'friday',
      password: '',
      capacity: 6,
      invite: null,
    })
  })

  it('keeps the room key of an invite link for that room only', () => {
    const key = 'AbCdEfGhIjKlMnOpQrStUv'
    const form = initialLobbyForm('?room=%EA%B8%88%EC%9A%94%EC%9D%BC', 'Ada', `#key=${key}`)
    expect(form.invite).toEqual({ room: '금요일', key })
    expect(inviteKeyFor(form, ' 금요일 ')).toBe(key)
    expect(inviteKeyFor(form, '금요일'.normalize('NFD'))).toBe(key)
    expect(inviteKeyFor(form, 'another')).toBeUndefined()
  })
})

describe('validateLobbyForm', () => {
  const valid = { name: 'Ada', room: 'friday', password: '', capacity: 6, invite: null }

  it('accepts a valid form', () => {
    expect(validateLobbyForm(valid)).toEqual({})
  })

  it('explains what is wrong', () => {
    expect(validateLobbyForm({ ...valid, name: '   ' }).name).toBe('lobby.nameRequired')
    expect(validateLobbyForm({ ...valid, name: 'x'.repeat(33) }).name).toBe('lobby.nameTooLong')
    expect(validateLobbyForm({ ...valid, room: '' }).room).toBe('lobby.roomRequired')
    expect(validateLobbyForm({ ...valid, room: 'a b' }).room).toBe('lobby.roomInvalid')
  })
})

describe('CAPACITY_CHOICES', () => {
  it('offers 2 to 12', () => {
    expect(CAPACITY_CHOICES[0]).toBe(2)
    expect(CAPACITY_CHOICES.at(-1)).toBe(12)
    expect(CAPACITY_CHOICES).toHaveLength(11)
  })
})
