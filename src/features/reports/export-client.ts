// Owns handing an export to its worker and collecting the file; cancelling terminates the worker at once.
import type { ExportReply, ExportRequest } from './export-protocol'

/** Why there is no file: no worker could start, it stopped or failed, or the user cancelled. */
export class ExportFailed extends Error {
  constructor(
    readonly reason: 'unavailable' | 'stopped' | 'cancelled',
    detail = ''
  ) {
    super(detail || reason)
    this.name = 'ExportFailed'
  }
}

let nextId = 0

/**
 * Builds the file in a worker. Rejects with ExportFailed when no worker can start, the worker
 * stops or fails, or `signal` aborts: the worker is terminated then, mid-month or mid-zip.
 */
export function exportInWorker(request: Omit<ExportRequest, 'id'>, onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<string | Uint8Array> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' })
    } catch (e) {
      reject(new ExportFailed('unavailable', e instanceof Error ? e.message : String(e)))
      return
    }
    const stop = (error: Error | null, data?: string | Uint8Array) => {
      signal?.removeEventListener('abort', cancel)
      worker.terminate()
      if (error) reject(error)
      else resolve(data ?? '')
    }
    const cancel = () => stop(new ExportFailed('cancelled'))
    if (signal?.aborted) {
      cancel()
      return
    }
    signal?.addEventListener('abort', cancel)
    let heard = false
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      const message = event.data
      if (message.id !== id) return
      heard = true
      if (message.type === 'progress') onProgress(message.done, message.total)
      else if (message.type === 'done') stop(null, message.data)
      else stop(new ExportFailed('stopped', message.message))
    })
    worker.addEventListener('messageerror', () => stop(new ExportFailed('stopped', 'messageerror')))
    worker.addEventListener('error', (event) => stop(new ExportFailed(heard ? 'stopped' : 'unavailable', event.message)))
    worker.postMessage({ ...request, id } satisfies ExportRequest)
  })
}
