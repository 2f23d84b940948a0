/**
 * Server configuration: one typed object built from defaults, environment variables and CLI flags.
 * Every value is validated here so a typo fails at startup with a message instead of at runtime.
 */
import { DEFAULT_HOST, DEFAULT_PORT, MAX_CAPACITY, MIN_CAPACITY } from '../src/shared/limits'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** The Electron app's custom-protocol origin; always allowed so the desktop renderer can connect. */
export const ELECTRON_APP_ORIGIN = 'app://moim'
export const DEFAULT_STUN_URLS = ['stun:stun.l.google.com:19302']

export interface RateLimitConfig {
  /** Messages a socket may send at once before it is throttled. */
  burst: number
  /** Sustained messages per second per socket. */
  perSecond: number
}

export interface LockoutConfig {
  /** Wrong passwords per client address and room before further guesses are refused. */
  maxAttempts: number
  /** How long a lockout lasts, and how long failed attempts are remembered. */
  lockMs: number
}

export interface ServerConfig {
  port: number
  host: string
  /** Extra origins allowed to open a Socket.IO connection ("*" allows any). */
  allowedOrigins: string[]
  stunUrls: string[]
  turnUrls: string[]
  turnSecret: string | null
  turnTtlSeconds: number
  /** Largest room size a client may ask for (2..12). */
  maxCapacity: number
  redisUrl: string | null
  logLevel: LogLevel
  /** HMAC key for resume tokens; a random one is generated when absent (resume then survives drops, not restarts). */
  secret: string | null
  /** Use the first X-Forwarded-For address as the client address (only behind a trusted proxy). */
  trustProxy: boolean
  /** How long a dropped peer keeps its place before others see peer:left. */
  resumeGraceMs: number
  resumeTokenTtlSeconds: number
  rateLimit: RateLimitConfig
  lockout: LockoutConfig
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: DEFAULT_PORT,
  host: DEFAULT_HOST,
  allowedOrigins: [],
  stunUrls: DEFAULT_STUN_URLS,
  turnUrls: [],
  turnSecret: null,
  turnTtlSeconds: 12 * 60 * 60,
  maxCapacity: MAX_CAPACITY,
  redisUrl: null,
  logLevel: 'info',
  secret: null,
  trustProxy: false,
  resumeGraceMs: 15_000,
  resumeTokenTtlSeconds: 12 * 60 * 60,
  rateLimit: { burst: 200, perSecond: 50 },
  lockout: { maxAttempts: 5, lockMs: 5 * 60_000 },
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Environment variable names, also accepted as `--kebab-case` flags (PORT -> --port). */
const ENV_KEYS = [
  'PORT',
  'HOST',
  'ALLOWED_ORIGINS',
  'STUN_URLS',
  'TURN_URLS',
  'TURN_SECRET',
  'TURN_TTL',
  'MAX_CAPACITY',
  'REDIS_URL',
  'LOG_LEVEL',
  'MOIM_SECRET',
  'TRUST_PROXY',
  'RESUME_GRACE_MS',
  'RATE_LIMIT_BURST',
  'RATE_LIMIT_PER_SECOND',
] as const
type EnvKey = (typeof ENV_KEYS)[number]
export type ConfigSource = Partial<Record<EnvKey, string>>

export const CONFIG_HELP = `moim-server: Moim signaling server

Options (flag or environment variable):
  --port, PORT                      TCP port (default ${DEFAULT_PORT}; 0 = any free port)
  --host, HOST                      bind address (default ${DEFAULT_HOST}; 0.0.0.0 for all)
  --allowed-origins, ALLOWED_ORIGINS  comma-separated extra browser origins ("*" = any)
  --stun-urls, STUN_URLS            comma-separated STUN URLs ("" = none)
  --turn-urls, TURN_URLS            comma-separated TURN URLs (turn:host:3478?transport=udp,...)
  --turn-secret, TURN_SECRET        coturn static-auth-secret (use-auth-secret)
  --turn-ttl, TURN_TTL              TURN credential lifetime in seconds (default 43200)
  --max-capacity, MAX_CAPACITY      largest room size clients may create (2..12, default 12)
  --redis-url, REDIS_URL            redis://host:port to share rooms between processes
  --log-level, LOG_LEVEL            fatal|error|warn|info|debug|trace|silent (default info)
  --moim-secret, MOIM_SECRET        key for resume tokens (set it so sessions survive restarts)
  --trust-proxy, TRUST_PROXY        1 to take client addresses from X-Forwarded-For
  --resume-grace-ms, RESUME_GRACE_MS  how long a dropped peer keeps its place (default 15000)
  --rate-limit-burst, RATE_LIMIT_BURST            per-socket burst (default 200)
  --rate-limit-per-second, RATE_LIMIT_PER_SECOND  per-socket sustained rate (default 50)
  --help                            this text
`

/** Turns `--turn-secret=x` / `--turn-secret x` flags into the matching env-style keys. */
export function parseFlags(argv: readonly string[]): ConfigSource {
  const out: ConfigSource = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument "${arg}" (see --help)`)
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    const key = flag.toUpperCase().replaceAll('-', '_') as EnvKey
    if (!(ENV_KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(`unknown option --${flag} (see --help)`)
    }
    let value: string | undefined
    if (eq !== -1) value = arg.slice(eq + 1)
    else {
      value = argv[i + 1]
      i++
    }
    if (value === undefined) throw new ConfigError(`--${flag} needs a value`)
    out[key] = value
  }
  return out
}

/** Picks the known keys out of an environment object. */
export function pickEnv(env: NodeJS.ProcessEnv): ConfigSource {
  const out: ConfigSource = {}
  for (const key of ENV_KEYS) {
    const value = env[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

function integer(key: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim()))
    throw new ConfigError(`${key} must be an integer, got "${value}"`)
  const n = Number(value)
  if (n < min || n > max)
    throw new ConfigError(`${key} must be between ${min} and ${max}, got ${n}`)
  return n
}

function bool(key: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true
  if (/^(0|false|no|off|)$/i.test(value)) return false
  throw new ConfigError(`${key} must be 1/0 or true/false, got "${value}"`)
}

function urlList(key: string, value: string, schemes: readonly string[]): string[] {
  const urls = list(value)
  for (const url of urls) {
    const scheme = url.slice(0, url.indexOf(':'))
    if (!schemes.includes(scheme)) {
      throw new ConfigError(
        `${key}: "${url}" must start with ${schemes.map((s) => s + ':').join(' or ')}`,
      )
    }
  }
  return urls
}

/** Builds a validated config; later sources override earlier ones (env, then flags). */
export function resolveConfig(...sources: ConfigSource[]): ServerConfig {
  const src: ConfigSource = Object.assign({}, ...sources)
  const c: ServerConfig = structuredClone(DEFAULT_CONFIG)
  if (src.PORT !== undefined) c.port = integer('PORT', src.PORT, 0, 65535)
  if (src.HOST !== undefined) c.host = src.HOST.trim() || DEFAULT_HOST
  if (src.ALLOWED_ORIGINS !== undefined) {
    c.allowedOrigins = list(src.ALLOWED_ORIGINS)
    for (const origin of c.allowedOrigins) {
      if (origin !== '*' && !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) {
        throw new ConfigError(
          `ALLOWED_ORIGINS: "${origin}" is not an origin like https://example.com`,
        )
      }
    }
  }
  if (src.STUN_URLS !== undefined)
    c.stunUrls = urlList('STUN_URLS', src.STUN_URLS, ['stun', 'stuns'])
  if (src.TURN_URLS !== undefined)
    c.turnUrls = urlList('TURN_URLS', src.TURN_URLS, ['turn', 'turns'])
  if (src.TURN_SECRET !== undefined) c.turnSecret = src.TURN_SECRET || null
  if (src.TURN_TTL !== undefined) {
    // Negative values are allowed on purpose: they mint already-expired credentials for tests.
    c.turnTtlSeconds = integer('TURN_TTL', src.TURN_TTL, -86_400, 7 * 86_400)
  }
  if (src.MAX_CAPACITY !== undefined) {
    c.maxCapacity = integer('MAX_CAPACITY', src.MAX_CAPACITY, MIN_CAPACITY, MAX_CAPACITY)
  }
  if (src.REDIS_URL !== undefined) {
    c.redisUrl = src.REDIS_URL.trim() || null
    if (c.redisUrl && !/^rediss?:\/\//.test(c.redisUrl)) {
      throw new ConfigError(`REDIS_URL must start with redis:// or rediss://`)
    }
  }
  if (src.LOG_LEVEL !== undefined) {
    const level = src.LOG_LEVEL.trim().toLowerCase()
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)
    }
    c.logLevel = level as LogLevel
  }
  if (src.MOIM_SECRET !== undefined) {
    c.secret = src.MOIM_SECRET || null
    if (c.secret !== null && c.secret.length < 16) {
      throw new ConfigError('MOIM_SECRET must be at least 16 characters')
    }
  }
  if (src.TRUST_PROXY !== undefined) c.trustProxy = bool('TRUST_PROXY', src.TRUST_PROXY)
  if (src.RESUME_GRACE_MS !== undefined) {
    c.resumeGraceMs = integer('RESUME_GRACE_MS', src.RESUME_GRACE_MS, 0, 600_000)
  }
  if (src.RATE_LIMIT_BURST !== undefined) {
    c.rateLimit.burst = integer('RATE_LIMIT_BURST', src.RATE_LIMIT_BURST, 1, 100_000)
  }
  if (src.RATE_LIMIT_PER_SECOND !== undefined) {
    c.rateLimit.perSecond = integer('RATE_LIMIT_PER_SECOND', src.RATE_LIMIT_PER_SECOND, 1, 100_000)
  }
  if (c.turnUrls.length > 0 && !c.turnSecret) {
    throw new ConfigError('TURN_URLS is set but TURN_SECRET is not: TURN needs the shared secret')
  }
  return c
}

/** Fills a partial config (as passed by code) with defaults. */
export function withDefaults(partial: Partial<ServerConfig> = {}): ServerConfig {
  const base = structuredClone(DEFAULT_CONFIG)
  return {
    ...base,
    ...partial,
    rateLimit: { ...base.rateLimit, ...partial.rateLimit },
    lockout: { ...base.lockout, ...partial.lockout },
  }
}
