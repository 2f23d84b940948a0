/**
 * The baseline client: one bare RTCPeerConnection, camera and microphone from the fake
 * devices, SDP and candidates through the bare relay. Its remote video sits in the same
 * region/figure markup as the app's tiles so both are timed by the same in-page probe.
 */
import { CAPTURE_CONSTRAINTS_JS } from './capture'

export const BARE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bare WebRTC baseline</title></head>
<body>
<div role="region" aria-label="Participants">
  <div role="figure" aria-label="remote"><video autoplay playsinline muted></video></div>
</div>
<script src="/socket.io/socket.io.js"></script>
<script>
  let socket, pc, stream
  const video = document.querySelector('video')

  // The app's own capture constraints (src/renderer/src/media/localMedia.ts), so both sides
  // capture and encode the same camera: a smaller baseline picture would flatter the baseline.
  const CONSTRAINTS = ${CAPTURE_CONSTRAINTS_JS}

  // What a joining app user already has before clicking Join: camera and microphone.
  // Returns what the camera delivers, e.g. "1280x720@30", for the report.
  window.benchPrepare = async () => {
    stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS)
    const s = stream.getVideoTracks()[0].getSettings()
    return s.width + 'x' + s.height + '@' + Math.round(s.frameRate)
  }

  // Connecting to signaling and entering the room is part of joining, as in the app.
  window.benchJoin = async (room) => {
    socket = io({ transports: ['websocket'] })
    socket.on('signal', onSignal)
    await new Promise((resolve) => socket.on('connect', resolve))
    await new Promise((resolve) => socket.emit('join', room, resolve))
  }

  function connect() {
    pc = new RTCPeerConnection()
    for (const track of stream.getTracks()) pc.addTrack(track, stream)
    pc.onicecandidate = (e) => socket.emit('signal', { candidate: e.candidate })
    pc.ontrack = (e) => { if (video.srcObject !== e.streams[0]) video.srcObject = e.streams[0] }
  }

  async function onSignal(data) {
    if (data.description) {
      if (!pc) connect()
      await pc.setRemoteDescription(data.description)
      if (data.description.type === 'offer') {
        await pc.setLocalDescription()
        socket.emit('signal', { description: pc.localDescription })
      }
    } else if (data.candidate && pc) {
      await pc.addIceCandidate(data.candidate)
    }
  }

  // The caller plays the app's newcomer: it creates the connection and sends the offer.
  window.benchCall = async (room) => {
    window.benchStartedAt = Date.now()
    await window.benchJoin(room)
    connect()
    await pc.setLocalDescription()
    socket.emit('signal', { description: pc.localDescription })
  }
</script>
</body>
</html>
`
