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

export interface FloodConfig {
  /** Messages per second all connections of one address may send together (and burst). */
  addressBurst: number
  addressPerSecond: number
  /** Bytes per second one connection may send (and burst); larger floods are disconnected. */
  bytesBurst: number
  bytesPerSecond: number
  /** Refused or malformed messages in a row after which a connection is closed. */
  strikesBeforeDisconnect: number
  /** Open connections per address (IPv4 address or IPv6 /64). */
  maxConnectionsPerAddress: number
  /** Signals held for peers in their grace period: per room and for the whole server. */
  maxHeldBytesPerRoom: number
  maxHeldBytesTotal: number
  /** scrypt checks running at once, and waiting; beyond that joins get RATE_LIMITED. */
  maxPasswordChecks: number
  maxPasswordQueue: number
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
  /**
   * Proxies in front of the server that append to X-Forwarded-For; the client address is the
   * entry this many places from the right. 0 = use the socket address.
   */
  trustProxy: number
  /** The URL people open (https://moim.example.com); its host is accepted in Host headers. */
  publicUrl: string | null
  /** Bearer token for /metrics; without one /metrics answers only direct loopback requests. */
  metricsToken: string | null
  /**
   * After a start, for this long only resuming joins are admitted (others get RESTARTING), so
   * returning members restore their rooms before anyone else can take them. 0 = off.
   */
  restoreWindowMs: number
  /**
   * Invite-only (the desktop app's hosted server): rooms get a random key at creation and
   * guests must present it; only trusted connections (the app itself) create rooms.
   */
  inviteOnly: boolean
  /** How long a dropped peer keeps its place before others see peer:left. */
  resumeGraceMs: number
  resumeTokenTtlSeconds: number
  rateLimit: RateLimitConfig
  flood: FloodConfig
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
  trustProxy: 0,
  publicUrl: null,
  metricsToken: null,
  restoreWindowMs: 0,
  inviteOnly: false,
  resumeGraceMs: 15_000,
  resumeTokenTtlSeconds: 12 * 60 * 60,
  rateLimit: { burst: 200, perSecond: 50 },
  flood: {
    addressBurst: 600,
    addressPerSecond: 150,
    // A 12-person mesh start (11 offers) is ~200 KiB; nothing legitimate streams through here.
    bytesBurst: 512 * 1024,
    bytesPerSecond: 64 * 1024,
    strikesBeforeDisconnect: 50,
    maxConnectionsPerAddress: 24,
    maxHeldBytesPerRoom: 4 * 1024 * 1024,
    maxHeldBytesTotal: 64 * 1024 * 1024,
    maxPasswordChecks: 4,
    maxPasswordQueue: 64,
  },
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
  'PUBLIC_URL',
  'METRICS_TOKEN',
  'RESTORE_WINDOW_MS',
  'MAX_CONNECTIONS_PER_ADDRESS',
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
  --trust-proxy, TRUST_PROXY        number of proxies in front that append to X-Forwarded-For
                                    (default 0: use the socket address)
  --public-url, PUBLIC_URL          the URL people open (its host is accepted; others refused)
  --metrics-token, METRICS_TOKEN    bearer token for /metrics (default: loopback only)
  --restore-window-ms, RESTORE_WINDOW_MS  after a start, only resuming joins for this long
                                    (default RESUME_GRACE_MS with MOIM_SECRET and no Redis, else 0)
  --max-connections-per-address, MAX_CONNECTIONS_PER_ADDRESS  (default 24)
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

/** Hop counts; "true"/"false" are still accepted from the time this was a switch (true = 1). */
function hops(key: string, value: string): number {
  if (/^(true|yes|on)$/i.test(value)) return 1
  if (/^(false|no|off|)$/i.test(value)) return 0
  return integer(key, value, 0, 10)
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
  if (src.TRUST_PROXY !== undefined) c.trustProxy = hops('TRUST_PROXY', src.TRUST_PROXY)
  if (src.PUBLIC_URL !== undefined) {
    c.publicUrl = src.PUBLIC_URL.trim() || null
    if (c.publicUrl !== null && !/^https?:\/\/[^/\s]+\/?$/i.test(c.publicUrl)) {
      throw new ConfigError(
        `PUBLIC_URL: "${c.publicUrl}" is not a URL like https://moim.example.com`,
      )
    }
  }
  if (src.METRICS_TOKEN !== undefined) {
    c.metricsToken = src.METRICS_TOKEN || null
    if (c.metricsToken !== null && c.metricsToken.length < 16) {
      throw new ConfigError('METRICS_TOKEN must be at least 16 characters')
    }
  }
  if (src.MAX_CONNECTIONS_PER_ADDRESS !== undefined) {
    c.flood.maxConnectionsPerAddress = integer(
      'MAX_CONNECTIONS_PER_ADDRESS',
      src.MAX_CONNECTIONS_PER_ADDRESS,
      1,
      100_000,
    )
  }
  if (src.RESUME_GRACE_MS !== undefined) {
    c.resumeGraceMs = integer('RESUME_GRACE_MS', src.RESUME_GRACE_MS, 0, 600_000)
  }
  if (src.RATE_LIMIT_BURST !== undefined) {
    c.rateLimit.burst = integer('RATE_LIMIT_BURST', src.RATE_LIMIT_BURST, 1, 100_000)
  }
  if (src.RATE_LIMIT_PER_SECOND !== undefined) {
    c.rateLimit.perSecond = integer('RATE_LIMIT_PER_SECOND', src.RATE_LIMIT_PER_SECOND, 1, 100_000)
  }
  // Without a fixed secret nobody can resume after a restart; with Redis rooms outlive processes.
  c.restoreWindowMs = c.secret !== null && c.redisUrl === null ? c.resumeGraceMs : 0
  if (src.RESTORE_WINDOW_MS !== undefined) {
    c.restoreWindowMs = integer('RESTORE_WINDOW_MS', src.RESTORE_WINDOW_MS, 0, 600_000)
  }
  if (c.turnUrls.length > 0 && !c.turnSecret) {
    throw new ConfigError('TURN_URLS is set but TURN_SECRET is not: TURN needs the shared secret')
  }
  return c
}

/** A config as code passes it: any field, and any part of the nested groups. */
export type ConfigInput = Omit<Partial<ServerConfig>, 'flood' | 'lockout' | 'rateLimit'> & {
  flood?: Partial<FloodConfig>
  lockout?: Partial<LockoutConfig>
  rateLimit?: Partial<RateLimitConfig>
}

/** Fills a partial config (as passed by code) with defaults. */
export function withDefaults(partial: ConfigInput = {}): ServerConfig {
  const base = structuredClone(DEFAULT_CONFIG)
  return {
    ...base,
    ...partial,
    rateLimit: { ...base.rateLimit, ...partial.rateLimit },
    flood: { ...base.flood, ...partial.flood },
    lockout: { ...base.lockout, ...partial.lockout },
  }
}
