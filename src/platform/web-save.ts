// Owns saving a file from the browser so that "saved" is said only when the browser confirmed it: the File System Access save picker where there is one, otherwise a download that only the user can confirm.

/** How a save ended: written and confirmed, cancelled by the user, or a download the browser started but cannot confirm. */
export type SaveOutcome = { kind: 'saved'; name: string } | { kind: 'cancelled' } | { kind: 'downloadStarted'; name: string }

export interface SaveRequest {
  suggestedName: string
  /** What the save dialog filters on: a label and the extension with its dot. */
  type: { description: string; mime: string; extension: string }
  /** Makes the file's content, after the user picked where it goes (a picker must open straight from the click). */
  produce: () => Promise<string | Uint8Array>
}

interface PickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName?: string
    types?: { description: string; accept: Record<string, string[]> }[]
  }) => Promise<FileSystemFileHandle>
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : ''
}

/** Starts a browser download; whether it lands on disk (or was cancelled in a download prompt) the page cannot know. */
export function startDownload(name: string, data: string | Uint8Array): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data)
  const url = URL.createObjectURL(new Blob([part]))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Saves through the save picker when the browser has one: 'saved' only after the browser wrote and
 * closed the file (a full disk or a refused write rejects, with the browser's reason), 'cancelled'
 * when the user closed the picker. Without a picker (or when the browser refuses to show one), the
 * file is downloaded and the answer is 'downloadStarted': the caller must not count it as saved
 * until the user says so.
 */
export async function saveWithConfirmation(request: SaveRequest, win: PickerWindow = window as unknown as PickerWindow): Promise<SaveOutcome> {
  const picker = win.showSaveFilePicker
  if (typeof picker === 'function') {
    let handle: FileSystemFileHandle | null = null
    try {
      handle = await picker.call(win, {
        suggestedName: request.suggestedName,
        types: [{ description: request.type.description, accept: { [request.type.mime]: [request.type.extension] } }]
      })
    } catch (e) {
      if (errorName(e) === 'AbortError') return { kind: 'cancelled' }
      // SecurityError / NotAllowedError: no picker here (an embedded page, no user gesture); fall back to a download.
      if (errorName(e) !== 'SecurityError' && errorName(e) !== 'NotAllowedError') throw e
    }
    if (handle) {
      const data = await request.produce()
      const writable = await handle.createWritable()
      try {
        await writable.write(typeof data === 'string' ? data : new Uint8Array(data))
        await writable.close()
      } catch (e) {
        await writable.abort().catch(() => undefined)
        throw e
      }
      return { kind: 'saved', name: handle.name }
    }
  }
  startDownload(request.suggestedName, await request.produce())
  return { kind: 'downloadStarted', name: request.suggestedName }
}
