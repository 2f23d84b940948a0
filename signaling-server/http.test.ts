import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from './http'
import { TestWorld, join } from './testing/harness'

const world = new TestWorld()
let webRoot: string
beforeAll(() => {
  webRoot = mkdtempSync(joinPath(tmpdir(), 'moim-web-'))
  mkdirSync(joinPath(webRoot, 'assets'))
  writeFileSync(joinPath(webRoot, 'index.html'), '<!doctype html><title>Moim</title>')
  writeFileSync(joinPath(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)')
  writeFileSync(joinPath(webRoot, '.env'), 'SECRET=1')
})
afterAll(() => rmSync(webRoot, { recursive: true, force: true }))
afterEach(() => world.close())

/** Raw GET so paths like /../ reach the server unnormalised (fetch would clean them up). */
function get(
  url: string,
  path: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('HTTP', () => {
  it('serves the web client with SPA fallback, security headers and no path traversal', async () => {
    const s = await world.server({ webRoot })
    const index = await get(s.url, '/?room=friday')
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Moim</title>')
    expect(index.headers['content-security-policy']).toContain("default-src 'self'")
    expect(index.headers['content-security-policy']).toContain('media-src')
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect(index.headers['cache-control']).toBe('no-cache')

    const asset = await get(s.url, '/assets/app-abc123.js')
    expect(asset.body).toBe('console.log(1)')
    expect(asset.headers['cache-control']).toContain('immutable')

    expect((await get(s.url, '/rooms/friday')).body).toContain('<title>Moim</title>')
    expect((await get(s.url, '/assets/missing.js')).status).toBe(404)
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/.env',
    ]) {
      const res = await get(s.url, path)
      expect(res.body, path).not.toContain('moim-server')
      expect(res.body, path).not.toContain('SECRET')
    }
  })

  it('says how to build the client when there is none, and refuses other methods', async () => {
    const s = await world.server({ webRoot: null })
    const res = await get(s.url, '/')
    expect(res.status).toBe(404)
    expect(res.body).toContain('npm run build:web')
    expect((await fetch(s.url, { method: 'POST', body: 'x' })).status).toBe(405)
  })

  it('reports health and Prometheus metrics', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    const b = await world.client(s.url)
    const ja = await join(a, { room: 'r', name: 'A' })
    await join(b, { room: 'r', name: 'B' })
    await b.emitWithAck('signal', { to: ja.self.id, data: { candidate: null } })
    await b.emitWithAck('signal', { to: 'nobody', data: { candidate: null } })

    expect(await (await fetch(`${s.url}/healthz`)).text()).toBe('ok\n')
    const res = await fetch(`${s.url}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toContain('moim_connected_sockets 2')
    expect(text).toContain('moim_rooms 1')
    expect(text).toContain('moim_relayed_messages_total 1')
    expect(text).toContain('moim_rejected_messages_total{reason="UNKNOWN_PEER"} 1')
    expect(text).toContain('process_resident_memory_bytes')
  })

  it('serves /metrics only to a direct loopback request, or to the bearer of METRICS_TOKEN', async () => {
    const open = await world.server()
    const proxied = await fetch(`${open.url}/metrics`, {
      headers: { 'X-Forwarded-For': '203.0.113.5' },
    })
    expect(proxied.status).toBe(404)
    const token = 'metrics-token-0123456789'
    const locked = await world.server({ metricsToken: token })
    expect((await fetch(`${locked.url}/metrics`)).status).toBe(404)
    const wrong = await fetch(`${locked.url}/metrics`, {
      headers: { Authorization: 'Bearer metrics-token-9876543210' },
    })
    expect(wrong.status).toBe(404)
    const right = await fetch(`${locked.url}/metrics`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(right.status).toBe(200)
  })

  it('only echoes a well-formed Host into the CSP', () => {
    expect(contentSecurityPolicy('127.0.0.1:4477')).toContain(
      'ws://127.0.0.1:4477 wss://127.0.0.1:4477',
    )
    expect(contentSecurityPolicy("evil; script-src 'unsafe-inline'")).not.toContain('evil')
  })

  it('lets WebAssembly compile but never JS eval', () => {
    const csp = contentSecurityPolicy(undefined)
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(csp).not.toContain("'unsafe-eval'")
  })
})
