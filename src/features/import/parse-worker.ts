// Owns parsing bill files off the main thread, so a year of bills never freezes the window; reports progress as it goes.
import { parseBill } from '@/domain/import/parse-bill'
import type { ParseReply, ParseRequest } from './parse-protocol'

function reply(message: ParseReply): void {
  self.postMessage(message)
}

export async function parseRequest(request: ParseRequest, post: (message: ParseReply) => void): Promise<void> {
  const { id, firstIndex, files } = request
  try {
    const bills = []
    for (const [i, f] of files.entries()) {
      const fileIndex = firstIndex + i
      bills.push(await parseBill({ fileIndex, name: f.name, bytes: new Uint8Array(f.bytes) }, (fraction) => post({ id, type: 'progress', fileIndex, fraction })))
    }
    post({ id, type: 'done', bills })
  } catch (e) {
    // parseBill turns every bad input into a problem; this is for the unforeseen.
    post({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) })
  }
}

// Loaded as a worker (not imported by a test): answer the page's requests.
if (typeof window === 'undefined' && typeof self !== 'undefined') {
  self.addEventListener('message', (event: MessageEvent<ParseRequest>) => void parseRequest(event.data, reply))
}
