/** Prometheus metrics. Each server gets its own registry so several can run in one process (tests). */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client'

export type RejectReason =
  | 'BAD_REQUEST'
  | 'ROOM_FULL'
  | 'WRONG_PASSWORD'
  | 'LOCKED_OUT'
  | 'NOT_IN_ROOM'
  | 'ALREADY_IN_ROOM'
  | 'UNKNOWN_PEER'
  | 'NOT_HOST'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNKNOWN_EVENT'
  | 'ORIGIN'
  | 'HELD_OVERFLOW'

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
