/** Prometheus metrics. Each server gets its own registry so several can run in one process (tests). */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import { ERROR_CODES } from '../src/shared/protocol'

export const REJECT_REASONS = [
  ...ERROR_CODES,
  'UNKNOWN_EVENT',
  'ORIGIN',
  'HOST',
  'TOO_MANY_CONNECTIONS',
  'FLOOD_DISCONNECT',
  'HELD_OVERFLOW',
] as const
export type RejectReason = (typeof REJECT_REASONS)[number]

export interface ServerMetrics {
  registry: Registry
  connectedSockets: Gauge
  rooms: Gauge
  relayedMessages: Counter
  rejectedMessages: Counter<'reason'>
  joins: Counter
  /** Set by the app so the rooms gauge reads the live room count at scrape time. */
  setRoomCounter(count: () => Promise<number> | number): void
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry()
  let countRooms: () => Promise<number> | number = () => 0
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry })
  const connectedSockets = new Gauge({
    name: 'moim_connected_sockets',
    help: 'Socket.IO connections currently open on this process',
    registers: [registry],
  })
  const rooms = new Gauge({
    name: 'moim_rooms',
    help: 'Rooms that currently have at least one member',
    registers: [registry],
    async collect() {
      this.set(await countRooms())
    },
  })
  const relayedMessages = new Counter({
    name: 'moim_relayed_messages_total',
    help: 'Signal messages relayed to a room mate',
    registers: [registry],
  })
  const rejectedMessages = new Counter({
    name: 'moim_rejected_messages_total',
    help: 'Client messages and handshakes refused, by reason',
    labelNames: ['reason'],
    registers: [registry],
  })
  // Start every reason at 0 so dashboards and alerts see the series before the first rejection.
  for (const reason of REJECT_REASONS) rejectedMessages.inc({ reason }, 0)
  const joins = new Counter({
    name: 'moim_room_joins_total',
    help: 'Successful room joins (including resumes)',
    registers: [registry],
  })
  return {
    registry,
    connectedSockets,
    rooms,
    relayedMessages,
    rejectedMessages,
    joins,
    setRoomCounter(count) {
      countRooms = count
    },
  }
}
