/**
 * "Share screen" entry point for the session/call code:
 *   const choice = await chooseScreenShare()
 *   if (choice) await session.startScreenShare(choice)   // then getDisplayMedia()
 * Web client: resolves at once (the browser shows its own picker in getDisplayMedia).
 * Desktop: opens Moim's picker (rendered by <ScreenSharePickerHost/>), tells the main process
 * which source to hand to getDisplayMedia, and resolves null when the user cancels.
 */
import { createStore } from 'zustand/vanilla'
import {
  getDesktopApi,
  type MoimDesktopApi,
  type ScreenShareCapabilities,
} from '../../platform/desktop'
import { loadQuality, saveQuality, type PickedSource, type ScreenShareChoice } from './pickerModel'

export interface PickerRequest {
  capabilities: ScreenShareCapabilities
  initialQuality: ScreenShareChoice['quality']
  resolve: (picked: PickedSource | null) => void
}

export const pickerStore = createStore<{ request: PickerRequest | null }>(() => ({ request: null }))

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** Opens the picker and waits for Share (the picked source) or Cancel (null). */
function openPicker(capabilities: ScreenShareCapabilities): Promise<PickedSource | null> {
  pickerStore.getState().request?.resolve(null)
  return new Promise((resolve) => {
    const request: PickerRequest = {
      capabilities,
      initialQuality: loadQuality(storage()),
      resolve: (picked) => {
        if (pickerStore.getState().request === request) pickerStore.setState({ request: null })
        resolve(picked)
      },
    }
    pickerStore.setState({ request })
  })
}

export async function chooseScreenShare(
  desktop: MoimDesktopApi | null = getDesktopApi(),
  pick: (capabilities: ScreenShareCapabilities) => Promise<PickedSource | null> = openPicker,
): Promise<ScreenShareChoice | null> {
  const quality = loadQuality(storage())
  if (!desktop) return { quality, audio: true }
  const capabilities = await desktop.screenShare.getCapabilities()
  // macOS 15+ and Wayland: the OS picker runs inside getDisplayMedia; ours would be a second one.
  if (capabilities.systemPicker) return { quality, audio: false }
  const picked = await pick(capabilities)
  if (!picked) return null
  saveQuality(storage(), picked.quality)
  await desktop.screenShare.select({ sourceId: picked.sourceId, audio: picked.audio })
  return { quality: picked.quality, audio: picked.audio }
}
