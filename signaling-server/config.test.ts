import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_CONFIG, parseFlags, pickEnv, resolveConfig } from './config'

describe('server config', () => {
  it('defaults to loopback, port 4477 and a public STUN server', () => {
    const c = resolveConfig({})
    expect(c).toEqual(DEFAULT_CONFIG)
    expect(c.host).toBe('127.0.0.1')
    expect(c.port).toBe(4477)
    expect(c.stunUrls[0]).toMatch(/^stun:/)
  })

  it('reads env and lets flags override it', () => {
    const env = pickEnv({
      PORT: '8080',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      TURN_URLS: 'turn:turn.example:3478?transport=udp,turns:turn.example:5349',
      TURN_SECRET: 'k',
      TURN_TTL: '600',
      MAX_CAPACITY: '8',
      LOG_LEVEL: 'WARN',
      HOME: '/ignored',
    })
    const c = resolveConfig(
      env,
      parseFlags(['--port', '9000', '--redis-url=redis://127.0.0.1:6379']),
    )
    expect(c.port).toBe(9000)
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example'])
    expect(c.turnUrls).toHaveLength(2)
    expect(c.turnTtlSeconds).toBe(600)
    expect(c.maxCapacity).toBe(8)
    expect(c.logLevel).toBe('warn')
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379')
    expect(resolveConfig({ STUN_URLS: '' }).stunUrls).toEqual([])
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535'],
    [{ MAX_CAPACITY: '20' }, 'MAX_CAPACITY must be between 2 and 12'],
    [{ STUN_URLS: 'http://x' }, 'STUN_URLS: "http://x" must start with stun: or stuns:'],
    [{ TURN_URLS: 'turn:x:3478' }, 'TURN_URLS is set but TURN_SECRET is not'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ MOIM_SECRET: 'short' }, 'MOIM_SECRET must be at least 16 characters'],
    [{ ALLOWED_ORIGINS: 'example.com' }, 'is not an origin'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must start with redis://'],
  ])('rejects %o with a clear message', (source, message) => {
    expect(() => resolveConfig(source)).toThrow(ConfigError)
    expect(() => resolveConfig(source)).toThrow(message)
  })

  it('rejects unknown or incomplete flags', () => {
    expect(() => parseFlags(['--prot', '1'])).toThrow('unknown option --prot')
    expect(() => parseFlags(['--port'])).toThrow('--port needs a value')
    expect(() => parseFlags(['8080'])).toThrow('unexpected argument "8080"')
  })
})

describe('security settings', () => {
  it('reads TRUST_PROXY as a hop count (true/false still accepted)', () => {
    expect(resolveConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(resolveConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1)
    expect(resolveConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(0)
    expect(() => resolveConfig({ TRUST_PROXY: 'many' })).toThrow(ConfigError)
  })

  it('validates PUBLIC_URL and METRICS_TOKEN', () => {
    expect(resolveConfig({ PUBLIC_URL: 'https://moim.example.com' }).publicUrl).toBe(
      'https://moim.example.com',
    )
    expect(() => resolveConfig({ PUBLIC_URL: 'moim.example.com' })).toThrow(/PUBLIC_URL/)
    expect(() => resolveConfig({ METRICS_TOKEN: 'short' })).toThrow(/16 characters/)
  })

  it('restores rooms after a restart by default only when that can work', () => {
    expect(resolveConfig({}).restoreWindowMs).toBe(0)
    expect(resolveConfig({ MOIM_SECRET: 'a-secret-of-16-chars' }).restoreWindowMs).toBe(15_000)
    expect(
      resolveConfig({ MOIM_SECRET: 'a-secret-of-16-chars', REDIS_URL: 'redis://127.0.0.1:6379' })
        .restoreWindowMs,
    ).toBe(0)
    expect(resolveConfig({ RESTORE_WINDOW_MS: '5000' }).restoreWindowMs).toBe(5000)
  })
})
