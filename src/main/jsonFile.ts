/** Small JSON files in userData (window state, preferences), validated on every read. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { z } from 'zod'

/** Returns the parsed file, or null when it is missing, corrupt or fails the schema. */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Writes through a temp file and rename so a crash never leaves half a file behind. */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.tmp`
  writeFileSync(temp, JSON.stringify(value, null, 2))
  renameSync(temp, path)
}
