// Owns the figures worker's entry: every derived figure of the ledger is worked out here, off the page's thread.
import { createDerivedHost } from './derived-host'
import type { DerivedReply, DerivedRequest } from './derived-protocol'

const scope = self as unknown as { postMessage(message: DerivedReply): void; onmessage: ((event: MessageEvent<DerivedRequest>) => void) | null }
const receive = createDerivedHost((message) => scope.postMessage(message))
scope.onmessage = (event) => receive(event.data)
