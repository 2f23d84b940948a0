import { describe, expect, it } from 'vitest'
import type { ScreenSource } from '../../platform/desktop'
import { keepSelection, loadQuality, moveIndex, saveQuality } from './pickerModel'

function source(id: string): ScreenSource {
  return { id, name: id, type: 'window', displayId: '', thumbnail: '', appIcon: null }
}

describe('moveIndex (3 columns, 7 items)', () => {
  it.each([
    [0, 'ArrowRight', 1],
    [6, 'ArrowRight', 6],
    [0, 'ArrowLeft', 0],
    [1, 'ArrowDown', 4],
    [5, 'ArrowDown', 6],
    [4, 'ArrowUp', 1],
    [1, 'ArrowUp', 0],
    [5, 'Home', 0],
    [2, 'End', 6],
    [-1, 'ArrowRight', 1],
    [3, 'a', 3],
  ])('from %i, %s -> %i', (from, key, to) => {
    expect(moveIndex(from, key, 7, 3)).toBe(to)
  })

  it('has nowhere to go in an empty list', () => {
    expect(moveIndex(-1, 'ArrowDown', 0, 3)).toBe(-1)
  })
})

describe('keepSelection', () => {
  it('keeps a source that is still listed, else takes the first', () => {
    expect(keepSelection('b', [source('a'), source('b')])).toBe('b')
    expect(keepSelection('gone', [source('a'), source('b')])).toBe('a')
    expect(keepSelection(null, [source('a')])).toBe('a')
    expect(keepSelection('a', [])).toBeNull()
  })
})

describe('quality memory', () => {
  it('defaults to text and remembers motion', () => {
    const data = new Map<string, string>()
    const storage = {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
    }
    expect(loadQuality(storage)).toBe('text')
    saveQuality(storage, 'motion')
    expect(loadQuality(storage)).toBe('motion')
    expect(loadQuality(null)).toBe('text')
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(loadQuality(broken)).toBe('text')
    expect(() => saveQuality(broken, 'text')).not.toThrow()
  })
})
