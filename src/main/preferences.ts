/** User choices the main process remembers (userData/preferences.json). */
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from './jsonFile'

const preferencesSchema = z.object({ shareSystemAudio: z.boolean().default(false) })
export type Preferences = z.infer<typeof preferencesSchema>

export class PreferencesStore {
  private value: Preferences

  constructor(private readonly path: string) {
    this.value = readJsonFile(path, preferencesSchema) ?? { shareSystemAudio: false }
  }

  get(): Readonly<Preferences> {
    return this.value
  }

  update(patch: Partial<Preferences>): void {
    const next = { ...this.value, ...patch }
    if (next.shareSystemAudio === this.value.shareSystemAudio) return
    this.value = next
    writeJsonFile(this.path, next)
  }
}
