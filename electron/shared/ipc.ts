// Owns the IPC contract between the main process and the renderer: channel names and payload types, no runtime deps.

export const BRIDGE_KEY = 'creditLedger'

/** The closed set of channels; the preload exposes one function for each and nothing else. */
export const CHANNELS = {
  getAppInfo: 'app:get-info',
  openExternal: 'shell:open-external',
  saveFile: 'file:save',
  notify: 'notify:show'
} as const
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS]

export interface AppInfo {
  version: string
  dataDir: string
  platform: string
}

export interface SaveFileRequest {
  suggestedName: string
  /** Text is written as UTF-8; bytes as they are. */
  data: string | Uint8Array
  filters?: { name: string; extensions: string[] }[]
}

export type SaveFileResult = { saved: true; path: string } | { saved: false }

export interface NotifyRequest {
  title: string
  body: string
}

/** The one object the preload puts on window[BRIDGE_KEY]. */
export interface Bridge {
  getAppInfo(): Promise<AppInfo>
  /** Opens an allow-listed https link in the system browser; false when the link was refused. */
  openExternal(url: string): Promise<boolean>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  notify(request: NotifyRequest): Promise<void>
}

/** Hosts the app may open in the system browser; everything else is refused. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.pbccrc.org.cn', 'www.pbc.gov.cn', 'github.com']
