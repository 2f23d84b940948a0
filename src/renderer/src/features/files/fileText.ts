/** The sentences of the file cards that depend on a state or an error code. */
import type { TFunction } from '../../i18n/useT'
import type { FileErrorCode, TransferInfo } from '../../engines/files/types'
import type { FilesNotice } from '../../store/filesStore'
import { formatBytes } from './format'

export function errorText(
  t: TFunction,
  code: FileErrorCode | FilesNotice['code'],
  maxFileBytes: number,
  language: string,
): string {
  switch (code) {
    case 'cancelled':
      return t('files.error.cancelled')
    case 'cancelled-by-peer':
      return t('files.error.cancelled-by-peer')
    case 'withdrawn':
      return t('files.error.withdrawn')
    case 'peer-left':
      return t('files.error.peer-left')
    case 'hash-mismatch':
      return t('files.error.hash-mismatch')
    case 'write-failed':
      return t('files.error.write-failed')
    case 'read-failed':
      return t('files.error.read-failed')
    case 'quota':
      return t('files.error.quota')
    case 'no-opfs':
      return t('files.error.no-opfs')
    case 'too-large':
      return t('files.error.too-large', { max: formatBytes(maxFileBytes, language) })
    case 'too-many':
      return t('files.error.too-many')
    case 'busy':
      return t('files.error.busy')
    case 'protocol':
      return t('files.error.protocol')
    case 'not-in-call':
      return t('files.error.not-in-call')
    case 'save-failed':
      return t('files.error.save-failed')
  }
}

export function statusText(t: TFunction, transfer: TransferInfo): string {
  switch (transfer.status) {
    case 'connecting':
      return t('files.status.connecting')
    case 'active':
      return t('files.status.active')
    case 'waiting':
      return t('files.status.waiting')
    case 'verifying':
      return t('files.status.verifying')
    case 'done':
      return t(transfer.direction === 'in' ? 'files.status.done' : 'files.status.sent')
    case 'failed':
      return ''
  }
}
