/**
 * Runs inside the page before any app script (context.addInitScript): the machine reports no
 * cameras and no microphones, and asking for either fails the way Chromium fails without
 * devices. Screen capture and RTCPeerConnection are untouched. The node tsconfig has no DOM
 * library, so the few browser shapes used here are declared locally.
 */
export function installNoMediaDevices(): void {
  interface DeviceInfo {
    kind: string
  }
  interface MediaDevicesLike {
    getUserMedia: (constraints?: unknown) => Promise<unknown>
    enumerateDevices: () => Promise<DeviceInfo[]>
  }
  const scope = globalThis as unknown as {
    navigator: { mediaDevices?: MediaDevicesLike }
    DOMException: new (message: string, name: string) => Error
  }
  const devices = scope.navigator.mediaDevices
  // The first about:blank of a new page is not a secure context and has no mediaDevices.
  if (!devices) return
  const realEnumerate = devices.enumerateDevices.bind(devices)
  devices.getUserMedia = () =>
    Promise.reject(new scope.DOMException('Requested device not found', 'NotFoundError'))
  devices.enumerateDevices = async () =>
    (await realEnumerate()).filter((d) => d.kind !== 'videoinput' && d.kind !== 'audioinput')
}
