const ADJECTIVES = [
  'amber',
  'brave',
  'calm',
  'cosy',
  'crisp',
  'daring',
  'gentle',
  'golden',
  'happy',
  'jolly',
  'lucky',
  'mellow',
  'misty',
  'nimble',
  'quiet',
  'rapid',
  'silver',
  'sunny',
  'swift',
  'witty',
]
const NOUNS = [
  'badger',
  'comet',
  'falcon',
  'fern',
  'harbor',
  'heron',
  'lantern',
  'maple',
  'meadow',
  'otter',
  'panda',
  'pebble',
  'pine',
  'river',
  'robin',
  'sparrow',
  'tiger',
  'tulip',
  'walrus',
  'willow',
]

/** A uniform random integer in [0, bound), from the platform CSPRNG unless one is injected. */
export type RandomInt = (bound: number) => number

export const cryptoRandomInt: RandomInt = (bound) => {
  const buffer = new Uint32Array(1)
  globalThis.crypto.getRandomValues(buffer)
  return buffer[0] % bound
}

/** A memorable, hard-to-guess room name such as "sunny-otter-4821". */
export function randomRoomName(randomInt: RandomInt = cryptoRandomInt): string {
  const adjective = ADJECTIVES[randomInt(ADJECTIVES.length)]
  const noun = NOUNS[randomInt(NOUNS.length)]
  const number = 1000 + randomInt(9000)
  return `${adjective}-${noun}-${number}`
}
