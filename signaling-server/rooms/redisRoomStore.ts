/**
 * Room state in Redis for several server processes. Each mutation is one Lua script, which
 * Redis runs atomically, so racing joins on different processes cannot exceed a room's capacity.
 *
 * Members held by a process carry a lease that the process renews; if a process dies, its
 * members expire and stop counting against capacity instead of blocking the room forever.
 */
import type { createClient } from 'redis'
import type {
  Ban,
  JoinOutcome,
  JoinParams,
  LeaveOutcome,
  Member,
  RoomMeta,
  RoomStore,
} from './roomStore'
import { isLoopbackAddress } from '../address'
import { MAX_REMOVED } from './roomStore'

export type RedisClient = ReturnType<typeof createClient>

const PREFIX = 'moim:'
const keysFor = (roomId: string): string[] => [
  `${PREFIX}room:${roomId}`,
  `${PREFIX}members:${roomId}`,
  `${PREFIX}leases:${roomId}`,
  `${PREFIX}rooms`,
]

// Shared by the scripts: forget members whose lease ran out; if that empties the room, drop it.
const PURGE = `
local now = tonumber(ARGV[1])
local leases = redis.call('HGETALL', KEYS[3])
for i = 1, #leases, 2 do
  if tonumber(leases[i + 1]) < now then
    redis.call('HDEL', KEYS[2], leases[i])
    redis.call('HDEL', KEYS[3], leases[i])
  end
end
if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HLEN', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[3])
  redis.call('SREM', KEYS[4], ARGV[2])
end
local function nextHost()
  local best, bestAt = false, nil
  local all = redis.call('HGETALL', KEYS[2])
  for i = 1, #all, 2 do
    local at = cjson.decode(all[i + 1]).joinedAt
    if not best or at < bestAt then best, bestAt = all[i], at end
  end
  return best
end
`

// ARGV: now, roomId, peerId, memberJson, capacity, passwordHash, key, instance,
//       expectedInstance, leaseMs, session, address, removedJson (for a created room)
const JOIN = `${PURGE}
local created = 0
if redis.call('EXISTS', KEYS[1]) == 0 then
  if ARGV[9] ~= '' then return {'RETRY'} end
  created = 1
elseif redis.call('HGET', KEYS[1], 'instance') ~= ARGV[9] then
  return {'RETRY'}
end
local removedJson = ARGV[13]
if created == 0 then removedJson = redis.call('HGET', KEYS[1], 'removed') or '[]' end
for _, ban in ipairs(cjson.decode(removedJson)) do
  if ban.id == ARGV[3] or (ARGV[12] ~= '' and ban.address == ARGV[12]) then return {'REMOVED'} end
end
if created == 1 then
  redis.call('HSET', KEYS[1], 'capacity', ARGV[5], 'hostId', ARGV[3], 'passwordHash', ARGV[6],
    'key', ARGV[7], 'instance', ARGV[8], 'removed', removedJson)
  redis.call('SADD', KEYS[4], ARGV[2])
end
local capacity = tonumber(redis.call('HGET', KEYS[1], 'capacity'))
local existing = redis.call('HGET', KEYS[2], ARGV[3])
local rejoined = 0
if existing then
  local m = cjson.decode(existing)
  m.session = ARGV[11]
  redis.call('HSET', KEYS[2], ARGV[3], cjson.encode(m))
  rejoined = 1
else
  if redis.call('HLEN', KEYS[2]) >= capacity then return {'FULL', tostring(capacity)} end
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
end
redis.call('HSET', KEYS[3], ARGV[3], tostring(now + tonumber(ARGV[10])))
local host = redis.call('HGET', KEYS[1], 'hostId')
if redis.call('HEXISTS', KEYS[2], host) == 0 then
  host = nextHost()
  redis.call('HSET', KEYS[1], 'hostId', host)
end
local meta = redis.call('HMGET', KEYS[1], 'passwordHash', 'key', 'instance', 'removed')
return {'OK', tostring(created), tostring(rejoined), tostring(capacity), host,
  meta[1], meta[2], meta[3], meta[4], redis.call('HGETALL', KEYS[2])}
`

// ARGV: bansJson (array of {id,name,address}), maxRemoved. Newest last; one entry per id.
const BAN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return '[]' end
local list = cjson.decode(redis.call('HGET', KEYS[1], 'removed') or '[]')
for _, ban in ipairs(cjson.decode(ARGV[1])) do
  local kept = {}
  for _, old in ipairs(list) do if old.id ~= ban.id then table.insert(kept, old) end end
  table.insert(kept, ban)
  list = kept
end
local max = tonumber(ARGV[2])
while #list > max do table.remove(list, 1) end
local encoded = '[]'
if #list > 0 then encoded = cjson.encode(list) end
redis.call('HSET', KEYS[1], 'removed', encoded)
return encoded
`

// ARGV: peerId. Returns the new list, or false when the room or the ban is absent.
const UNBAN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local list = cjson.decode(redis.call('HGET', KEYS[1], 'removed') or '[]')
local kept, found = {}, false
for _, old in ipairs(list) do
  if old.id == ARGV[1] then found = true else table.insert(kept, old) end
end
if not found then return false end
local encoded = '[]'
if #kept > 0 then encoded = cjson.encode(kept) end
redis.call('HSET', KEYS[1], 'removed', encoded)
return encoded
`

// ARGV: now, roomId, peerId, session ('' = any)
const LEAVE = `${PURGE}
local existing = redis.call('HGET', KEYS[2], ARGV[3])
if not existing then return {'0', '', '0'} end
if ARGV[4] ~= '' and cjson.decode(existing).session ~= ARGV[4] then return {'0', '', '0'} end
redis.call('HDEL', KEYS[2], ARGV[3])
redis.call('HDEL', KEYS[3], ARGV[3])
if redis.call('HLEN', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  redis.call('SREM', KEYS[4], ARGV[2])
  return {'1', '', '1'}
end
local newHost = ''
if redis.call('HGET', KEYS[1], 'hostId') == ARGV[3] then
  newHost = nextHost()
  redis.call('HSET', KEYS[1], 'hostId', newHost)
end
return {'1', newHost, '0'}
`

// ARGV: expiry, peerId. Renews only live members so a late refresh cannot resurrect a leaver.
const REFRESH = `
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then
  redis.call('HSET', KEYS[3], ARGV[2], ARGV[1])
end
return 1
`

/** Lua's cjson writes an empty array as "{}"; anything that is not an array is no bans. */
function parseBans(json: string | null | undefined): Ban[] {
  try {
    const value: unknown = JSON.parse(json || '[]')
    return Array.isArray(value) ? (value as Ban[]) : []
  } catch {
    return []
  }
}

function parseMembers(flat: string[]): Member[] {
  const members: Member[] = []
  for (let i = 0; i < flat.length; i += 2) {
    const m = JSON.parse(flat[i + 1]) as Omit<Member, 'id'>
    members.push({
      id: flat[i],
      name: m.name,
      session: m.session,
      joinedAt: m.joinedAt,
      address: m.address ?? '',
    })
  }
  return members
}

export class RedisRoomStore implements RoomStore {
  readonly shared = true

  constructor(
    private readonly client: RedisClient,
    /** How long a member survives without renewal; must exceed the resume grace period. */
    private readonly leaseMs: number,
  ) {}

  private async run(script: string, roomId: string, args: string[]): Promise<unknown> {
    return this.client.eval(script, { keys: keysFor(roomId), arguments: args })
  }

  async get(roomId: string): Promise<RoomMeta | null> {
    const [key] = keysFor(roomId)
    const h = await this.client.hGetAll(key)
    if (!h.capacity) return null
    return {
      id: roomId,
      capacity: Number(h.capacity),
      hostId: h.hostId,
      passwordHash: h.passwordHash || null,
      key: h.key || null,
      instance: h.instance ?? '',
      removed: parseBans(h.removed),
    }
  }

  async join(p: JoinParams): Promise<JoinOutcome> {
    const { id, name, session, joinedAt, address } = p.member
    const reply = (await this.run(JOIN, p.roomId, [
      String(Date.now()),
      p.roomId,
      id,
      JSON.stringify({ name, session, joinedAt, address }),
      String(p.settings.capacity),
      p.settings.passwordHash ?? '',
      p.settings.key ?? '',
      p.settings.instance,
      p.expectedInstance ?? '',
      String(this.leaseMs),
      session,
      // Loopback is never banned by address (see isBanned).
      isLoopbackAddress(p.address) ? '' : p.address,
      JSON.stringify(p.removed ?? []),
    ])) as string[] & [string, ...unknown[]]
    if (reply[0] === 'RETRY') return { ok: false, reason: 'RETRY' }
    if (reply[0] === 'REMOVED') return { ok: false, reason: 'REMOVED' }
    if (reply[0] === 'FULL') return { ok: false, reason: 'ROOM_FULL', capacity: Number(reply[1]) }
    const [, created, rejoined, capacity, hostId, passwordHash, key, instance, removed, flat] =
      reply as unknown as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string[],
      ]
    return {
      ok: true,
      room: {
        id: p.roomId,
        capacity: Number(capacity),
        hostId,
        passwordHash: passwordHash || null,
        key: key || null,
        instance,
        removed: parseBans(removed),
      },
      members: parseMembers(flat),
      created: created === '1',
      rejoined: rejoined === '1',
    }
  }

  async ban(roomId: string, bans: readonly Ban[]): Promise<Ban[]> {
    const reply = await this.run(BAN, roomId, [JSON.stringify(bans), String(MAX_REMOVED)])
    return parseBans(reply as string)
  }

  async unban(roomId: string, peerId: string): Promise<Ban[] | null> {
    const reply = await this.run(UNBAN, roomId, [peerId])
    return typeof reply === 'string' ? parseBans(reply) : null
  }

  async leave(roomId: string, peerId: string, session?: string): Promise<LeaveOutcome> {
    const [removed, newHost, deleted] = (await this.run(LEAVE, roomId, [
      String(Date.now()),
      roomId,
      peerId,
      session ?? '',
    ])) as [string, string, string]
    return { removed: removed === '1', newHostId: newHost || null, roomDeleted: deleted === '1' }
  }

  async areMembers(roomId: string, peerIds: readonly string[]): Promise<boolean[]> {
    const [, membersKey] = keysFor(roomId)
    const values = await this.client.hmGet(membersKey, [...peerIds])
    return values.map((v) => v !== null)
  }

  async members(roomId: string): Promise<Member[]> {
    const [, membersKey] = keysFor(roomId)
    const h = await this.client.hGetAll(membersKey)
    return parseMembers(Object.entries(h).flat())
  }

  async roomCount(): Promise<number> {
    return this.client.sCard(`${PREFIX}rooms`)
  }

  async refresh(holds: ReadonlyArray<{ roomId: string; peerId: string }>): Promise<void> {
    if (holds.length === 0) return
    const expiry = String(Date.now() + this.leaseMs)
    const batch = this.client.multi()
    for (const { roomId, peerId } of holds) {
      batch.eval(REFRESH, { keys: keysFor(roomId), arguments: [expiry, peerId] })
    }
    await batch.exec()
  }

  async close(): Promise<void> {}
}
