/**
 * A bare mesh client for the bench's reference figure: one RTCPeerConnection per peer, the same
 * capture constraints as the app, SDP and candidates addressed through the bare relay. Each
 * remote video sits in the same region/figure markup as the app's tiles, so the same probe times
 * it. No UI, no validation, no renegotiation: the floor for "the 4th of 4 joins". Each copy of
 * the camera gets the app's budget for a room of four (half size, 400 kbps), so both do the same
 * media work.
 */
import { CAPTURE_CONSTRAINTS_JS, FOUR_PERSON_BUDGET_JS } from './capture'

export const BARE_MESH_PAGE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bare WebRTC mesh</title>
<style>
  /* Every video in view, as the app's grid has them: Chromium pauses muted autoplaying video
     that is scrolled out of sight. */
  [role="region"] { display: flex; flex-wrap: wrap; gap: 4px; }
  video { width: 300px; height: 169px; }
</style>
</head>
<body>
<div role="region" aria-label="Participants"></div>
<script src="/socket.io/socket.io.js"></script>
<script>
  const region = document.querySelector('[role="region"]')
  const pcs = new Map()
  const queues = new Map()
  const BUDGET = ${FOUR_PERSON_BUDGET_JS}
  let socket, stream

  const CONSTRAINTS = ${CAPTURE_CONSTRAINTS_JS}

  window.benchPrepare = async () => {
    stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS)
  }

  // The caller's budget goes in with its transceiver; a callee's tracks (addTrack, so the offer's
  // m-lines take them up) get it between the offer and the answer.
  function link(id, caller) {
    let pc = pcs.get(id)
    if (pc) return pc
    pc = new RTCPeerConnection()
    pcs.set(id, pc)
    if (caller) {
      pc.addTransceiver(stream.getAudioTracks()[0], { streams: [stream] })
      pc.addTransceiver(stream.getVideoTracks()[0], { streams: [stream], sendEncodings: [BUDGET] })
    } else {
      for (const track of stream.getTracks()) pc.addTrack(track, stream)
    }
    pc.onicecandidate = (e) => socket.emit('mesh-signal', { to: id, data: { candidate: e.candidate } })
    pc.ontrack = (e) => {
      let figure = region.querySelector('[data-peer="' + id + '"]')
      if (!figure) {
        figure = document.createElement('div')
        figure.setAttribute('role', 'figure')
        figure.setAttribute('aria-label', 'remote ' + id)
        figure.dataset.peer = id
        const video = document.createElement('video')
        video.autoplay = true
        video.playsInline = true
        video.muted = true
        figure.append(video)
        region.append(figure)
      }
      const video = figure.querySelector('video')
      if (video.srcObject !== e.streams[0]) video.srcObject = e.streams[0]
    }
    return pc
  }

  // Signals from one peer are applied strictly in order, as the app's PeerLink does.
  function onSignal(message) {
    const next = (queues.get(message.from) ?? Promise.resolve()).then(() => apply(message))
    queues.set(message.from, next.catch(() => {}))
  }

  async function apply({ from, data }) {
    const pc = link(from, false)
    if (data.description) {
      await pc.setRemoteDescription(data.description)
      if (data.description.type === 'offer') {
        const sender = pc.getSenders().find((s) => s.track && s.track.kind === 'video')
        const params = sender.getParameters()
        params.encodings = params.encodings.map((e) => ({ ...e, ...BUDGET }))
        await sender.setParameters(params)
        await pc.setLocalDescription()
        socket.emit('mesh-signal', { to: from, data: { description: pc.localDescription } })
      }
    } else if (data.candidate) {
      await pc.addIceCandidate(data.candidate)
    }
  }

  // Connect, enter the room, and call everyone already there (the newcomer makes the offers).
  window.benchJoin = async (room) => {
    window.benchStartedAt = Date.now()
    socket = io({ transports: ['websocket'] })
    socket.on('mesh-signal', onSignal)
    socket.on('mesh-left', (id) => {
      pcs.get(id)?.close()
      pcs.delete(id)
      region.querySelector('[data-peer="' + id + '"]')?.remove()
    })
    await new Promise((resolve) => socket.on('connect', resolve))
    const others = await new Promise((resolve) => socket.emit('mesh-join', room, resolve))
    for (const id of others) {
      const pc = link(id, true)
      await pc.setLocalDescription()
      socket.emit('mesh-signal', { to: id, data: { description: pc.localDescription } })
    }
  }
</script>
</body>
</html>
`
