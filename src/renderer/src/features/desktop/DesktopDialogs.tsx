import type { ReactElement } from 'react'
import { CloseCallDialog } from './CloseCallDialog'
import { DeepLinkDialog } from './DeepLinkDialog'
import './desktop.css'

/** The desktop shell's questions, over whichever screen is showing. */
export function DesktopDialogs(): ReactElement {
  return (
    <>
      <CloseCallDialog />
      <DeepLinkDialog />
    </>
  )
}
