import { pino, type Logger } from 'pino'
import type { LogLevel } from './config'

export type { Logger }

/** JSON lines on stdout: what log shippers and `journalctl -o cat` expect. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'moim-signaling' } })
}
