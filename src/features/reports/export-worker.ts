// Owns running an export off the main thread, so a ten-year ledger never freezes the window; the page stops it by terminating the worker.
import { buildExport } from './export-build'
import type { ExportReply, ExportRequest } from './export-protocol'

export async function exportRequest(request: ExportRequest, post: (message: ExportReply, transfer?: Transferable[]) => void): Promise<void> {
  const { id } = request
  try {
    const data = await buildExport(request, (done, total) => post({ id, type: 'progress', done, total }))
    // Bytes move to the page rather than being copied.
    post({ id, type: 'done', data }, typeof data === 'string' ? [] : [data.buffer])
  } catch (e) {
    post({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) })
  }
}

// Loaded as a worker (not imported by a test): answer the page's requests.
if (typeof window === 'undefined' && typeof self !== 'undefined') {
  self.addEventListener('message', (event: MessageEvent<ExportRequest>) =>
    void exportRequest(event.data, (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }))
  )
}
