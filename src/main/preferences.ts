/** User choices the main process remembers (userData/preferences.json). */
import { z } from 'zod'
import { closeDuringCallSchema } from './closeGuard'
import { readJsonFile, writeJsonFile } from './jsonFile'

const preferencesSchema = z.object({
  shareSystemAudio: z.boolean().default(false),
  /** What closing the window during a call does (Settings, or "remember" in the dialog). */
  closeDuringCall: closeDuringCallSchema.default('ask'),
})
export type Preferences = z.infer<typeof preferencesSchema>

/** What the renderer may change (Settings). */
export const preferencesPatchSchema = z.strictObject({
  closeDuringCall: closeDuringCallSchema.optional(),
})

const DEFAULTS: Preferences = { shareSystemAudio: false, closeDuringCall: 'ask' }

export class PreferencesStore {
  private value: Preferences

  constructor(private readonly path: string) {
    this.value = readJsonFile(path, preferencesSchema) ?? { ...DEFAULTS }
  }

  get(): Readonly<Preferences> {
    return this.value
  }

  update(patch: Partial<Preferences>): void {
    const next = { ...this.value }
    for (const [key, value] of Object.entries(patch) as [keyof Preferences, never][]) {
      if (value !== undefined) next[key] = value
    }
    if (
      (Object.keys(next) as (keyof Preferences)[]).every((key) => next[key] === this.value[key])
    ) {
      return
    }
    this.value = next
    writeJsonFile(this.path, next)
  }
}
