/**
 * Init script: every getUserMedia asks for a small, slow camera picture (320x180 at 15 fps), so
 * a room of eight fits on a small machine. Applied to the app and to the bare pages alike.
 */
export function installLowResCamera(): void {
  type Constraints = { video?: boolean | Record<string, unknown>; audio?: unknown }
  type Devices = { getUserMedia: (c?: Constraints) => Promise<unknown> }
  const devices = (globalThis as unknown as { navigator: { mediaDevices?: Devices } }).navigator
    .mediaDevices
  if (!devices) return
  const original = devices.getUserMedia.bind(devices)
  devices.getUserMedia = (constraints) => {
    if (!constraints?.video) return original(constraints)
    const video = typeof constraints.video === 'object' ? constraints.video : {}
    return original({
      ...constraints,
      video: { ...video, width: { ideal: 320 }, height: { ideal: 180 }, frameRate: { ideal: 15 } },
    })
  }
}
