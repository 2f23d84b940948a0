import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { generateSelfSigned, loadHostIdentity } from './hostIdentity'

const dir = () => mkdtempSync(join(tmpdir(), 'moim-identity-'))

describe('host identity', () => {
  it('creates a secret and a certificate once and keeps them across launches', async () => {
    const path = join(dir(), 'host-identity.json')
    const generate = vi.fn(generateSelfSigned)
    const first = await loadHostIdentity(path, { generateCertificate: generate })
    expect(first.secret.length).toBeGreaterThanOrEqual(43)
    expect(first.tls.cert).toContain('BEGIN CERTIFICATE')
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)

    const second = await loadHostIdentity(path, { generateCertificate: generate })
    expect(second).toEqual(first)
    expect(generate).toHaveBeenCalledTimes(1)
  })

  it('replaces a certificate close to expiry but keeps the secret', async () => {
    const path = join(dir(), 'host-identity.json')
    const first = await loadHostIdentity(path)
    const later = Date.now() + 800 * 24 * 60 * 60_000
    const renewed = await loadHostIdentity(path, { now: () => later })
    expect(renewed.secret).toBe(first.secret)
    expect(renewed.fingerprint).not.toBe(first.fingerprint)
  })

  it('seals the file with the OS keychain when there is one', async () => {
    const path = join(dir(), 'host-identity.json')
    const key = 0x5a
    const xor = (data: Buffer) => Buffer.from(data.map((b) => b ^ key))
    const sealer = {
      encryptString: (plain: string) => xor(Buffer.from(plain)),
      decryptString: (sealed: Buffer) => xor(sealed).toString(),
    }
    const first = await loadHostIdentity(path, { sealer })
    const onDisk = readFileSync(path, 'utf8')
    expect(onDisk).not.toContain(first.secret)
    expect(onDisk).not.toContain('PRIVATE KEY')
    expect(await loadHostIdentity(path, { sealer })).toEqual(first)
    // Without the keychain the sealed file cannot be read: a new identity, never a crash.
    const fresh = await loadHostIdentity(path, { sealer: null })
    expect(fresh.secret).not.toBe(first.secret)
  })

  it('starts over from a corrupt file', async () => {
    const path = join(dir(), 'host-identity.json')
    writeFileSync(path, '{"secret": 1')
    const identity = await loadHostIdentity(path)
    expect(JSON.parse(readFileSync(path, 'utf8')).secret).toBe(identity.secret)
  })
})
