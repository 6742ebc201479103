// Owns the preload entry: puts the bridge on the sandboxed page's window, and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { exposeBridge } from './bridge'

exposeBridge(contextBridge, ipcRenderer)
