// Every write keeps the account consistent: bill payments, part-payments and undo cannot leave money paid for nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account, Draw, Order, Repayment } from '@/domain/records'
import { validateLedger } from '@/domain/ledger/validate-ledger'
import { orderBalances } from '@/testing/plain-balances'
import { isValidationError } from '@/domain/validation-error'
import { deleteRecord, readLedger, restoreRemoved, saveAccount, saveDraw, saveOrder, saveRepayment } from './repo'
import { openLedgerDb, type LedgerDb } from './schema'
import { cash, draw as cashDraw, huabei as namedHuabei, orderWith, repay } from '@/testing/fixtures'

// Short ids (hb, mb, d1) and an 8,000-yuan limit; otherwise the shared fixtures.
const huabei = { ...namedHuabei, id: 'hb', creditLimit: 800_000 } satisfies Account
const mybank = { ...cash, id: 'mb', creditLimit: 800_000 } satisfies Account
const order = (id: string, amount: number, orderDate: string): Order => orderWith(id, { accountId: 'hb', amount, orderDate })
const bill = (id: string, amount: number, date: string): Repayment => repay(id, { accountId: 'hb', targetType: 'statement', targetId: 'hb', date, amount })
const draw = { ...cashDraw, id: 'd1', accountId: 'mb' } satisfies Draw

async function rejection(write: () => Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await write()
  } catch (e) {
    if (isValidationError(e)) return e.issues
    throw e
  }
  throw new Error('expected the write to be rejected')
}

let db: LedgerDb
let n = 0
beforeEach(async () => {
  db = openLedgerDb(`consistency-${++n}-${Math.random()}`)
  await saveAccount(db, huabei)
  await saveAccount(db, mybank)
})
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('orders covered by a bill payment', () => {
  beforeEach(async () => {
    await saveOrder(db, order('o1', 10_000, '2026-01-05'))
    await saveOrder(db, order('o2', 6_000, '2026-01-20'))
    await saveRepayment(db, bill('b1', 10_000, '2026-01-15'))
  })

  it('can be marked paid, and the bill money stays on them instead of spilling onto a later order', async () => {
    await saveOrder(db, { ...order('o1', 10_000, '2026-01-05'), status: 'paid' })
    const ledger = await readLedger(db)
    expect(validateLedger(ledger)).toBeNull()
    const balances = orderBalances(ledger.orders, ledger.repayments, '2026-02-01')
    expect(balances.get('o1')?.status).toBe('paid')
    // o2 was never paid: before the fix the ¥100 bill, freed from o1, would have marked it paid.
    expect(balances.get('o2')).toMatchObject({ owed: 6_000, status: 'unpaid' })
  })

  it('cannot be refunded, made cheaper or deleted while the bill depends on them, and nothing changes', async () => {
    const before = await readLedger(db)
    expect(await rejection(() => saveOrder(db, { ...order('o1', 10_000, '2026-01-05'), status: 'refunded' }))).toEqual([
      { path: 'status', message: 'validation.editBreaksRepayments' }
    ])
    expect(await rejection(() => saveOrder(db, order('o1', 9_999, '2026-01-05')))).toEqual([{ path: 'amount', message: 'validation.editBreaksRepayments' }])
    expect(await rejection(() => saveOrder(db, order('o1', 10_000, '2026-01-16')))).toEqual([
      { path: 'orderDate', message: 'validation.editBreaksRepayments' }
    ])
    expect(await rejection(() => deleteRecord(db, 'orders', 'o1'))).toEqual([{ path: '', message: 'validation.deleteBreaksRepayments' }])
    expect(await readLedger(db)).toEqual(before)
  })

  it('refuses a direct payment on an order the bill already paid', async () => {
    expect(await rejection(() => saveRepayment(db, { id: 'r1', accountId: 'hb', targetType: 'order', targetId: 'o1', date: '2026-01-16', amount: 10_000, note: '' }))).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })

  it('allows changing the account to another kind with statements', async () => {
    await saveAccount(db, { ...huabei, kind: 'creditCard' })
    expect((await db.accounts.get('hb'))?.kind).toBe('creditCard')
  })

  it('refuses changing the account to a kind that has no statements', async () => {
    expect(await rejection(() => saveAccount(db, { ...huabei, kind: 'payLaterOrder', statementDay: null, dueDay: null, payLaterWindowDays: 14, statementTerms: null }))).toEqual([
      { path: 'kind', message: 'validation.kindHasRecords' }
    ])
  })
})

describe('part-payments of a draw', () => {
  beforeEach(async () => {
    await saveDraw(db, draw)
    // Half on day 10 (9 days of interest on 10,000 yuan = 36.00), then the rest on day 20.
    await saveRepayment(db, { id: 'p1', accountId: 'mb', targetType: 'draw', targetId: 'd1', date: '2026-01-10', amount: 503_600, note: '' })
    await saveRepayment(db, { id: 'p2', accountId: 'mb', targetType: 'draw', targetId: 'd1', date: '2026-01-20', amount: 502_000, note: '' })
  })

  it('refuses an earlier payment that would make the later payoff pay more than was owed', async () => {
    expect(validateLedger(await readLedger(db))).toBeNull()
    // 100 yuan on day 5 is fine on its own, but by day 20 the payoff of 5,020.00 would then be too much.
    expect(await rejection(() => saveRepayment(db, { id: 'p0', accountId: 'mb', targetType: 'draw', targetId: 'd1', date: '2026-01-05', amount: 10_000, note: '' }))).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
    expect(await db.repayments.count()).toBe(2)
  })

  it('can delete the payoff and undo it, but not undo it once another payoff took its place', async () => {
    const removed = await deleteRecord(db, 'repayments', 'p2')
    await restoreRemoved(db, removed)
    expect(await db.repayments.get('p2')).toEqual(removed.repayments?.[0])

    const again = await deleteRecord(db, 'repayments', 'p2')
    await saveRepayment(db, { id: 'p3', accountId: 'mb', targetType: 'draw', targetId: 'd1', date: '2026-01-20', amount: 502_000, note: '' })
    const before = await readLedger(db)
    expect(await rejection(() => restoreRemoved(db, again))).toEqual([{ path: '', message: 'validation.undoConflicts' }])
    expect(await readLedger(db)).toEqual(before)
    expect(validateLedger(before)).toBeNull()
  })
})

describe('a late payoff', () => {
  it('may include the penalty interest, after which the draw is cleared; a fen more is refused', async () => {
    const { drawCost } = await import('@/domain/cost/loan')
    // One month of 随借随还, due 2026-02-01, paid ten days late.
    const late: Draw = { ...draw, id: 'late', termMonths: 1, firstDueDate: '2026-02-01' }
    await saveDraw(db, late)
    const cost = drawCost(late, [], mybank, '2026-02-11')
    expect(cost.overdue?.days).toBe(10)
    // Due on 02-01: 10,000 + 31 days x 4.00 interest = 10,124.00. From then the penalty, 0.04% x 1.5
    // a day on all of it, replaces interest: 10 days = 60.744 -> 60.74; owed 10,124.00 + 60.74 = 10,184.74.
    expect(cost.overdue?.penaltyAccrued).toBe(6_074)
    expect(cost.owedToday).toBe(1_018_474)
    const payoff = (amount: number): Repayment => ({ id: `p-${amount}`, accountId: 'mb', targetType: 'draw', targetId: 'late', date: '2026-02-11', amount, note: '' })
    expect(await rejection(() => saveRepayment(db, payoff(cost.owedToday + 1)))).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
    await saveRepayment(db, payoff(cost.owedToday))
    expect(drawCost(late, await db.repayments.toArray(), mybank, '2026-02-11')).toMatchObject({ cleared: true, owedToday: 0 })
  })
})
