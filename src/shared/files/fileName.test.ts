import { describe, expect, it } from 'vitest'
import { FILE_NAME_MAX, sanitizeFileName } from './fileName'

describe('sanitizeFileName', () => {
  it.each([
    ['photo.jpg', 'photo.jpg'],
    ['사진 모음.zip', '사진 모음.zip'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\Windows\\system32\\cmd.exe', '_.._Windows_system32_cmd.exe'],
    ['a\u0000b\u001Fc.txt', 'abc.txt'],
    ['invoice\u202Egpj.exe', 'invoicegpj.exe'],
    ['what?.txt', 'what_.txt'],
    ['C:evil.txt', 'C_evil.txt'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['LPT9', '_LPT9'],
    ['console.log', 'console.log'],
    ['trailing. . ', 'trailing'],
    ['.hidden', 'hidden'],
    ['', 'file'],
    ['\u0007', 'file'],
    ['...', 'file'],
  ])('%j becomes %j', (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean)
  })

  it('shortens long names and keeps the extension', () => {
    const name = sanitizeFileName(`${'가'.repeat(300)}.pdf`)
    expect(name.length).toBe(FILE_NAME_MAX)
    expect(name.endsWith('.pdf')).toBe(true)
  })

  it('never cuts a surrogate pair in half', () => {
    const name = sanitizeFileName('😀'.repeat(100))
    expect(name.length).toBeLessThanOrEqual(FILE_NAME_MAX)
    expect(name).toBe('😀'.repeat(name.length / 2))
  })
})
