// Owns handing files to the parsing worker and collecting what it finds, with the page's own thread as the fallback where a worker cannot start.
import type { ParsedBill } from '@/domain/import/types'
import type { ParseReply, ParseRequest } from './parse-protocol'
import { parseRequest } from './parse-worker'

export type ParseProgress = (fileIndex: number, fraction: number) => void

class WorkerUnavailable extends Error {}

let nextId = 0

function inWorker(request: ParseRequest, onProgress: ParseProgress): Promise<ParsedBill[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' })
    } catch {
      reject(new WorkerUnavailable())
      return
    }
    let heard = false
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const message = event.data
      if (message.id !== request.id) return
      heard = true
      if (message.type === 'progress') onProgress(message.fileIndex, message.fraction)
      else {
        worker.terminate()
        if (message.type === 'done') resolve(message.bills)
        else reject(new Error(message.message))
      }
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      // A worker that never answered could not load (a file:// page, a strict policy): parse here instead.
      reject(heard ? new Error(event.message) : new WorkerUnavailable())
    })
    // The bytes move to the worker rather than being copied.
    worker.postMessage(
      request,
      request.files.map((f) => f.bytes)
    )
  })
}

async function inPage(request: ParseRequest, onProgress: ParseProgress): Promise<ParsedBill[]> {
  return new Promise((resolve, reject) => {
    void parseRequest(request, (message) => {
      if (message.type === 'progress') onProgress(message.fileIndex, message.fraction)
      else if (message.type === 'done') resolve(message.bills)
      else reject(new Error(message.message))
    })
  })
}

/** Parses the files in a worker; fileIndex numbering starts at `firstIndex`. */
export async function parseFiles(files: readonly File[], firstIndex: number, onProgress: ParseProgress): Promise<ParsedBill[]> {
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })))
  const request = { id: ++nextId, firstIndex, files: read }
  try {
    return await inWorker(request, onProgress)
  } catch (e) {
    if (!(e instanceof WorkerUnavailable)) throw e
    // The transfer may have emptied the buffers: read the files again.
    const again = { ...request, files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() }))) }
    return inPage(again, onProgress)
  }
}
