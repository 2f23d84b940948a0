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
