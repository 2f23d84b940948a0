/** The whiteboard's views: the call's stage, and the surface the game renders as its canvas. */
export { WhiteboardStage } from './WhiteboardStage'
export { WhiteboardSurface } from './WhiteboardSurface'
export { WhiteboardIcon } from './icons'
export { usePictureDecode } from './pictureDecode'
