// Owns the contract between the sync engine and wherever the sync folder lives (a WebDAV server through the desktop's main process, or straight from the page where the server allows it): list a folder, read a file, create a file that does not exist yet, remove one of this device's files. Paths are relative to the folder the user chose, '/'-separated. Pure: the engine (db), the platform and the main process all meet here.

export type SyncTransportErrorKind = 'network' | 'auth' | 'exists' | 'server' | 'unavailable'

export class SyncTransportError extends Error {
  constructor(
    readonly kind: SyncTransportErrorKind,
    detail = '',
    readonly status: number | null = null
  ) {
    super(detail || kind)
    this.name = 'SyncTransportError'
  }
}

export interface SyncTransport {
  /** The names of the files and folders directly in `folder` (no path, no trailing '/'); [] when the folder does not exist. */
  list(folder: string): Promise<string[]>
  /** The file's text; null when it does not exist. */
  read(path: string): Promise<string | null>
  /** Writes a new file, making missing folders; throws SyncTransportError('exists') when the file is already there (a file is never overwritten). */
  create(path: string, text: string): Promise<void>
  /** Deletes a file; one that is already gone is not an error. Only ever used on this device's own files (compaction). */
  remove(path: string): Promise<void>
}
