/**
 * The question asked before a link from chat opens in the browser. Chat text comes from other
 * people, and a link's text can say one thing while it goes elsewhere, so the dialog shows the
 * host in full and the whole URL, and the safe answer is the default.
 */
import type { MessageBoxOptions } from 'electron'
import type { ShellStrings } from './shellStrings'

export interface DialogLike {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>
}

export function externalLinkDialog(url: string, strings: ShellStrings): MessageBoxOptions {
  const host = new URL(url).host
  return {
    type: 'question',
    title: strings.openLinkTitle,
    message: strings.openLinkMessage.replace('{host}', host),
    detail: url,
    buttons: [strings.openLinkCancel, strings.openLinkOpen],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  }
}

/** Resolves true when the user chose to open the link. */
export async function confirmExternalLink(
  dialog: DialogLike,
  url: string,
  strings: ShellStrings,
): Promise<boolean> {
  const { response } = await dialog.showMessageBox(externalLinkDialog(url, strings))
  return response === 1
}
