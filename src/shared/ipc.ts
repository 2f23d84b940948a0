/** IPC channel names shared by the main process and the preload. */
export const IPC = {
  hostInfo: 'host:get-info',
  hostSetHosting: 'host:set-hosting',
  screenCapabilities: 'screen:capabilities',
  screenListSources: 'screen:list-sources',
  screenSelect: 'screen:select',
  screenSharingStarted: 'screen:sharing-started',
  screenSharingStopped: 'screen:sharing-stopped',
  screenRequestStop: 'screen:request-stop',
  /** main -> renderer */
  screenStopRequested: 'screen:stop-requested',
  deepLinkReady: 'deep-link:ready',
  /** main -> renderer */
  deepLink: 'deep-link:join',
  callState: 'call:state',
  /** main -> renderer */
  trayAction: 'call:tray-action',
  notify: 'notify:show',
  mediaStatus: 'media:status',
  mediaAsk: 'media:ask',
  mediaOpenSettings: 'media:open-settings',
  openExternal: 'shell:open-external',
  updateGetStatus: 'update:get-status',
  updateCheck: 'update:check',
  updateRestart: 'update:restart',
  /** main -> renderer */
  updateStatus: 'update:status',
  preferencesGet: 'preferences:get',
  preferencesSet: 'preferences:set',
  /** main -> renderer */
  windowCloseRequested: 'window:close-requested',
  windowCloseDecision: 'window:close-decision',
  fileSaveBegin: 'file:save-begin',
  fileSaveChunk: 'file:save-chunk',
  fileSaveEnd: 'file:save-end',
  fileSaveAbort: 'file:save-abort',
} as const

export type IpcChannel = (typeof IPC)[keyof typeof IPC]
