/**
 * ICE server list for a join ack, with ephemeral TURN credentials in the TURN REST API scheme
 * that coturn's `use-auth-secret` accepts: username "<unix expiry>:<peer id>",
 * credential base64(HMAC-SHA1(secret, username)).
 */
import { createHmac } from 'node:crypto'
import type { IceServerConfig } from '../src/shared/protocol'

export interface TurnCredentials {
  username: string
  credential: string
}

export function createTurnCredentials(
  secret: string,
  peerId: string,
  ttlSeconds: number,
  nowMs: number = Date.now(),
): TurnCredentials {
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds
  const username = `${expiry}:${peerId}`
  const credential = createHmac('sha1', secret).update(username).digest('base64')
  return { username, credential }
}

export interface IceConfig {
  stunUrls: readonly string[]
  turnUrls: readonly string[]
  turnSecret: string | null
  turnTtlSeconds: number
}

export function iceServersFor(
  config: IceConfig,
  peerId: string,
  nowMs?: number,
): IceServerConfig[] {
  const servers: IceServerConfig[] = []
  if (config.stunUrls.length > 0) servers.push({ urls: [...config.stunUrls] })
  if (config.turnUrls.length > 0 && config.turnSecret) {
    const creds = createTurnCredentials(config.turnSecret, peerId, config.turnTtlSeconds, nowMs)
    servers.push({ urls: [...config.turnUrls], ...creds })
  }
  return servers
}

/** Unix seconds when credentials minted now expire, or null when no TURN is configured. */
export function turnExpiry(config: IceConfig, nowMs: number = Date.now()): number | null {
  if (config.turnUrls.length === 0 || !config.turnSecret) return null
  return Math.floor(nowMs / 1000) + config.turnTtlSeconds
}
