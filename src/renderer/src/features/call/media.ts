/** True when the stream has a live (not ended) track of this kind. */
export function hasLiveTrack(stream: MediaStream | null, kind: 'audio' | 'video'): boolean {
  if (!stream) return false
  const tracks = kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks()
  return tracks.some((track) => track.readyState === 'live')
}
