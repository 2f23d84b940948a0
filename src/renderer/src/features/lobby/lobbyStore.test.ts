import { describe, expect, it } from 'vitest'
import { CAPACITY_CHOICES, initialLobbyForm, validateLobbyForm } from './lobbyStore'

describe('initialLobbyForm', () => {
  it('prefills the room from the link and the remembered name', () => {
    expect(initialLobbyForm('?room=friday', 'Ada')).toEqual({
      name: 'Ada',
      room: 'friday',
      password: '',
      capacity: 6,
    })
  })
})

describe('validateLobbyForm', () => {
  const valid = { name: 'Ada', room: 'friday', password: '', capacity: 6 }

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
