export { chooseScreenShare, pickerStore } from './chooseScreenShare'
export { ScreenSharePicker, type ScreenSharePickerProps } from './ScreenSharePicker'
export { ScreenSharePickerHost } from './ScreenSharePickerHost'
export { ScreenDrawLayer } from './ScreenDrawLayer'
export { useDesktopSharingBar } from './useDesktopSharingBar'
export {
  QUALITY_PRESETS,
  type PickedSource,
  type ScreenShareChoice,
  type ScreenShareQuality,
} from './pickerModel'
