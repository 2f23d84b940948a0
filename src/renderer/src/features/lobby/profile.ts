/** The display name, remembered between visits so friends only type it once. */
const NAME_KEY = 'moim.displayName'

export function loadDisplayName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

export function saveDisplayName(name: string): void {
  try {
    globalThis.localStorage?.setItem(NAME_KEY, name)
  } catch {
    // Not remembering the name is harmless.
  }
}
