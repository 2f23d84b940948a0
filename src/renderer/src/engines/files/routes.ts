/** The file-transfer messages on the control channel (docs/protocol.md, "File transfer"). */
import {
  fileAcceptSchema,
  fileAckSchema,
  fileCancelSchema,
  fileCompleteSchema,
  fileDeclineSchema,
  fileOfferSchema,
  fileResumeSchema,
  fileVerifiedSchema,
  fileWithdrawSchema,
} from '../../../../shared/channel/files'
import { defineRoute } from '../../rtc/messageRouter'

export const offerRoute = defineRoute('file-offer', fileOfferSchema)
export const withdrawRoute = defineRoute('file-withdraw', fileWithdrawSchema)
export const acceptRoute = defineRoute('file-accept', fileAcceptSchema)
export const declineRoute = defineRoute('file-decline', fileDeclineSchema)
export const cancelRoute = defineRoute('file-cancel', fileCancelSchema)
export const completeRoute = defineRoute('file-complete', fileCompleteSchema)
export const verifiedRoute = defineRoute('file-verified', fileVerifiedSchema)
/** A resume asked over a dead channel is asked again when the peer is back (see the engine). */
export const resumeRoute = defineRoute('file-resume', fileResumeSchema, { whenClosed: 'drop' })
/** Only the newest matters, and a resume or a fresh ack follows a reconnect anyway. */
export const ackRoute = defineRoute('file-ack', fileAckSchema, { whenClosed: 'drop' })
