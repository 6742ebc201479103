// Owns clearing a due item with one click: the existing repayment form, filled in with the item's account, target and the amount that clears it today.
import { useState, type ReactNode } from 'react'
import { useLedger } from '@/state/ledger-context'
import type { DueItem } from '@/domain/dues/items'
import type { Repayment } from '@/domain/records'
import { RepaymentModal } from '../repayments/RepaymentModal'

export function useClearItem(): [(item: DueItem) => void, ReactNode] {
  const ledger = useLedger()
  const [preset, setPreset] = useState<Partial<Repayment> | null>(null)
  const open = (item: DueItem) =>
    setPreset({ accountId: item.accountId, targetType: item.target.targetType, targetId: item.target.targetId, amount: item.clearAmount ?? undefined, date: ledger.today, ...(item.target.bill ? { bill: item.target.bill } : {}) })
  return [open, <RepaymentModal key="clear-item" open={preset !== null} preset={preset ?? undefined} onClose={() => setPreset(null)} />]
}
