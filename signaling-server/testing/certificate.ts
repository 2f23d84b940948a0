/** A throwaway self-signed certificate for tests of the local-network (HTTPS) listener. */
import { generate } from 'selfsigned'
import type { TlsMaterial } from '../start'

let cached: Promise<TlsMaterial> | null = null

export function testCertificate(): Promise<TlsMaterial> {
  cached ??= generate([{ name: 'commonName', value: 'Moim test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
  }).then((pems) => ({ key: pems.private, cert: pems.cert }))
  return cached
}
