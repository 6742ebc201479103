// Owns handing files to the parsing worker and collecting what it finds. Bills are parsed only there: a hostile file can stop the worker, never the page.
import type { ParsedBill } from '@/domain/import/types'
import type { ParseReply, ParseRequest } from './parse-protocol'

export type ParseProgress = (fileIndex: number, fraction: number) => void

/** Why the files could not be read: no worker could start, or the worker stopped before it answered. */
export class ReaderFailed extends Error {
  constructor(
    readonly reason: 'unavailable' | 'stopped' | 'cancelled',
    detail = ''
  ) {
    super(detail || reason)
    this.name = 'ReaderFailed'
  }
}

let nextId = 0

function inWorker(request: ParseRequest, onProgress: ParseProgress, signal?: AbortSignal): Promise<ParsedBill[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' })
    } catch (e) {
      reject(new ReaderFailed('unavailable', e instanceof Error ? e.message : String(e)))
      return
    }
    const stop = (error: Error | null, bills?: ParsedBill[]) => {
      signal?.removeEventListener('abort', cancel)
      worker.terminate()
      if (error) reject(error)
      else resolve(bills ?? [])
    }
    const cancel = () => stop(new ReaderFailed('cancelled'))
    if (signal?.aborted) {
      cancel()
      return
    }
    signal?.addEventListener('abort', cancel)
    let heard = false
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const message = event.data
      if (message.id !== request.id) return
      heard = true
      if (message.type === 'progress') onProgress(message.fileIndex, message.fraction)
      else if (message.type === 'done') stop(null, message.bills)
      else stop(new ReaderFailed('stopped', message.message))
    })
    worker.addEventListener('messageerror', () => stop(new ReaderFailed('stopped', 'messageerror')))
    worker.addEventListener('error', (event) => {
      // A worker that never answered could not load (a strict policy, no module workers); one that
      // did and then failed ran out of memory or met something parseBill did not foresee.
      stop(new ReaderFailed(heard ? 'stopped' : 'unavailable', event.message))
    })
    // The bytes move to the worker rather than being copied.
    worker.postMessage(
      request,
      request.files.map((f) => f.bytes)
    )
  })
}

/**
 * Parses the files in a worker; fileIndex numbering starts at `firstIndex`. Rejects with
 * ReaderFailed when no worker can start, the worker stops, or `signal` cancels: the page never
 * parses a bill itself.
 */
export async function parseFiles(files: readonly File[], firstIndex: number, onProgress: ParseProgress, signal?: AbortSignal): Promise<ParsedBill[]> {
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })))
  return inWorker({ id: ++nextId, firstIndex, files: read }, onProgress, signal)
}
