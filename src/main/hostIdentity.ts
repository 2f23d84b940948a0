/**
 * What the hosted server keeps across restarts, in userData/host-identity.json (owner-only,
 * and encrypted with the OS keychain through Electron's safeStorage where it is available):
 * the resume-token secret, so a crash and restart of the server process keeps everyone's
 * peer id, and the self-signed TLS certificate of the local-network listener, so a browser
 * guest accepts its warning once and not at every launch.
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

export interface HostIdentity {
  secret: string
  tls: { key: string; cert: string }
  /** SHA-256 fingerprint of the certificate, "AB:CD:…", for guests to compare. */
  fingerprint: string
  /** The same digest as base64url: what moim:// links pin (`cert=`). */
  pin: string
}

/** base64url SHA-256 of a certificate's DER: the pin format of moim:// links. */
export function certificatePin(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('base64url')
}

export type GenerateCertificate = () => Promise<{ key: string; cert: string }>

const identitySchema = z.strictObject({
  secret: z.string().min(32),
  key: z.string().min(1),
  cert: z.string().min(1),
})
type StoredIdentity = z.infer<typeof identitySchema>
/** On disk: the identity itself, or sealed by the OS keychain. */
const fileSchema = z.union([identitySchema, z.strictObject({ sealed: z.string().min(1) })])

/** Electron's safeStorage, or null where it is not available. */
export interface Sealer {
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
}

/** A certificate with less than this left is replaced (guests then see the warning again). */
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60_000
const VALID_DAYS = 825

/** ECDSA P-256, CN "Moim", valid 825 days: the most browsers accept for a server certificate. */
export const generateSelfSigned: GenerateCertificate = async () => {
  const { generate } = await import('selfsigned')
  const notBeforeDate = new Date(Date.now() - 60_000)
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 60 * 60_000)
  const pems = await generate([{ name: 'commonName', value: 'Moim' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

function read(path: string, sealer: Sealer | null): StoredIdentity | null {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    if (!parsed.success) return null
    if (!('sealed' in parsed.data)) return parsed.data
    if (!sealer) return null
    const plain = sealer.decryptString(Buffer.from(parsed.data.sealed, 'base64'))
    const inner = identitySchema.safeParse(JSON.parse(plain))
    return inner.success ? inner.data : null
  } catch {
    // Missing, corrupt, or the keychain refused: start over (guests see the warning again).
    return null
  }
}

/** Owner-only file, written through a temp file and rename. */
function writePrivate(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.tmp`
  writeFileSync(temp, JSON.stringify(value), { mode: 0o600 })
  chmodSync(temp, 0o600)
  renameSync(temp, path)
}

function usable(cert: string, now: number): X509Certificate | null {
  try {
    const parsed = new X509Certificate(cert)
    return Date.parse(parsed.validTo) - now > RENEW_BEFORE_MS ? parsed : null
  } catch {
    return null
  }
}

export async function loadHostIdentity(
  path: string,
  options: {
    generateCertificate?: GenerateCertificate
    now?: () => number
    sealer?: Sealer | null
  } = {},
): Promise<HostIdentity> {
  const generate = options.generateCertificate ?? generateSelfSigned
  const now = (options.now ?? Date.now)()
  const sealer = options.sealer ?? null
  const saved = read(path, sealer)
  const secret = saved?.secret ?? randomBytes(32).toString('base64url')
  let tls = saved ? { key: saved.key, cert: saved.cert } : null
  let x509 = tls ? usable(tls.cert, now) : null
  if (!tls || !x509) {
    tls = await generate()
    x509 = new X509Certificate(tls.cert)
  }
  if (!saved || saved.cert !== tls.cert) {
    const identity: StoredIdentity = { secret, ...tls }
    writePrivate(
      path,
      sealer
        ? { sealed: sealer.encryptString(JSON.stringify(identity)).toString('base64') }
        : identity,
    )
  }
  return { secret, tls, fingerprint: x509.fingerprint256, pin: certificatePin(x509) }
}
