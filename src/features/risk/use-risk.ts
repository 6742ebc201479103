// Owns the risk flags as React sees them: the ledger's one set of flags with the stored thresholds, acknowledgements and profile, acknowledging, and forgetting acknowledgements whose flag has cleared.
import { useCallback, useEffect } from 'react'
import { useLedger, type RiskState } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { acknowledgeFlag, pruneAcknowledgements, unacknowledgeFlag } from '@/db/risk'
import { staleAcknowledgements } from '@/domain/risk'
import type { RiskFlag } from '@/domain/risk/types'

export interface RiskView extends RiskState {
  /** False until the records, the documents and the figures are in. */
  ready: boolean
  acknowledge(flag: RiskFlag): Promise<void>
  unacknowledge(flagId: string): Promise<void>
}

let pruning = false

export function useRisk(): RiskView {
  const ledger = useLedger()
  const { risk, today } = ledger
  const ready = ledger.loaded
  const acknowledge = useCallback(async (flag: RiskFlag) => void (await acknowledgeFlag(appDb(), flag, today)), [today])
  const unacknowledge = useCallback(async (id: string) => void (await unacknowledgeFlag(appDb(), id)), [])
  return { ...risk, ready, acknowledge, unacknowledge }
}

/**
 * An acknowledgement outlives its flag only until the flag clears: then it is forgotten, so the
 * next occurrence shows. Mounted once, by the shell; only with figures for the records on screen,
 * or a half-loaded view would forget them all.
 */
export function usePruneAcknowledgements(): void {
  const { loaded, figuresPending, risk } = useLedger()
  const stale = loaded && !figuresPending && staleAcknowledgements(risk.acknowledgements, risk.flags).length > 0
  const flags = risk.flags
  useEffect(() => {
    if (!stale || pruning) return
    pruning = true
    void pruneAcknowledgements(appDb(), flags).finally(() => {
      pruning = false
    })
  }, [stale, flags])
}
