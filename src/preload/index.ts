/** Sandboxed preload: exposes exactly one object, window.moim, and nothing from Node or Electron. */
import { contextBridge, ipcRenderer } from 'electron'
import { createDesktopApi } from './api'

contextBridge.exposeInMainWorld('moim', createDesktopApi(ipcRenderer, process.platform))
