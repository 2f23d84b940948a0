/** What the media layer reports about local devices; the store carries these as they are. */
/** Why a local camera/microphone/screen could not be used. */
export type MediaErrorKind = 'denied' | 'busy' | 'not-found' | 'unsupported' | 'unknown'

export interface DeviceOption {
  deviceId: string
  label: string
}

export interface MediaErrorInfo {
  /** Which device failed: camera, microphone, or both (requested together). */
  device: 'camera' | 'microphone' | 'camera+microphone' | 'screen'
  kind: MediaErrorKind
  message: string
}
