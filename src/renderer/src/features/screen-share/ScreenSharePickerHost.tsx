import type { ReactElement } from 'react'
import { useStore } from 'zustand'
import { getDesktopApi } from '../../platform/desktop'
import { pickerStore } from './chooseScreenShare'
import { ScreenSharePicker } from './ScreenSharePicker'

/** Renders the picker while chooseScreenShare() waits for the user; mount it once in the call UI. */
export function ScreenSharePickerHost(): ReactElement | null {
  const request = useStore(pickerStore, (state) => state.request)
  const desktop = getDesktopApi()
  if (!request || !desktop) return null
  return (
    <ScreenSharePicker
      listSources={desktop.screenShare.listSources}
      capabilities={request.capabilities}
      initialQuality={request.initialQuality}
      onShare={(picked) => request.resolve(picked)}
      onCancel={() => request.resolve(null)}
    />
  )
}
