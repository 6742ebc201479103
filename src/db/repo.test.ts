import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE, RECORD_TYPES, type Account, type Draw, type FieldIssue, type Ledger, type Order, type Profile } from '@/domain/records'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { validateLedger } from '@/domain/ledger/validate-ledger'
import { ValidationError } from '@/domain/validation-error'
import {
  addLedger,
  clearLedger,
  countRemoved,
  deleteRecord,
  loadProfile,
  readLedger,
  replaceLedger,
  restoreRemoved,
  saveAccount,
  saveDraw,
  saveInquiry,
  saveOrder,
  saveProfile,
  saveRepayment
} from './repo'
import { openLedgerDb, type LedgerDb } from './schema'
import {
  cash as plainCash,
  draw as appDraw,
  emptyLedger,
  huabei as plainHuabei,
  inquiry,
  limitAndReportName,
  onBill,
  onOrder,
  order as plainOrder,
  profile as zhProfile,
  repay,
  zhima as plainZhima
} from '@/testing/fixtures'

const cash = { ...plainCash, ...limitAndReportName } satisfies Account
const huabei = { ...plainHuabei, ...limitAndReportName } satisfies Account
const zhima = { ...plainZhima, ...limitAndReportName } satisfies Account
const draw = { ...appDraw, channel: 'merchantQr' } satisfies Draw
const order = { ...plainOrder, item: '运动鞋' } satisfies Order

let db: LedgerDb

beforeEach(async () => {
  db = openLedgerDb(`repo-test-${crypto.randomUUID()}`)
  await db.open()
})

afterEach(async () => {
  await db.delete()
})

async function counts(): Promise<Record<(typeof RECORD_TYPES)[number], number>> {
  return {
    accounts: await db.accounts.count(),
    draws: await db.draws.count(),
    orders: await db.orders.count(),
    repayments: await db.repayments.count(),
    billInstalments: await db.billInstalments.count(),
    billFigures: await db.billFigures.count(),
    inquiries: await db.inquiries.count()
  }
}

/** What a write threw, or null when it succeeded. */
async function failureOf(write: () => Promise<unknown>): Promise<unknown> {
  return write().then(
    () => null,
    (e: unknown) => e
  )
}

/** Runs a write that must be refused and checks it changed nothing stored. */
async function expectRejected(write: () => Promise<unknown>, recordType: string, issues: FieldIssue[]): Promise<ValidationError> {
  const before = await readLedger(db)
  const error = await failureOf(write)
  expect(error).toBeInstanceOf(ValidationError)
  const v = error instanceof ValidationError ? error : null
  expect(v?.recordType).toBe(recordType)
  expect(v?.issues).toEqual(issues)
  expect(await readLedger(db)).toEqual(before)
  return v!
}

const byId = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
function sorted(ledger: Ledger): Ledger {
  return {
    accounts: byId(ledger.accounts),
    draws: byId(ledger.draws),
    orders: byId(ledger.orders),
    repayments: byId(ledger.repayments),
    inquiries: byId(ledger.inquiries),
    billInstalments: byId(ledger.billInstalments),
    billFigures: byId(ledger.billFigures)
  }
}

describe('saveAccount', () => {
  it('stores the parsed record (text trimmed) and returns it', async () => {
    const saved = await saveAccount(db, { ...cash, name: '  网商贷  ' })
    expect(saved.name).toBe('网商贷')
    expect(await db.accounts.get('cash')).toEqual(cash)
  })

  it('refuses a record failing its schema and writes nothing', async () => {
    const error = await expectRejected(() => saveAccount(db, { ...huabei, statementDay: null }), 'account', [
      { path: 'statementDay', message: 'validation.required' }
    ])
    expect(error.row).toBeUndefined()
    expect(await db.accounts.count()).toBe(0)
  })

  it('refuses a change of kind that would orphan its draws or orders, and allows a compatible one', async () => {
    await saveAccount(db, cash)
    await saveAccount(db, huabei)
    await saveDraw(db, draw)
    await saveOrder(db, order)
    // The message sits on the kind, the field the user changed.
    await expectRejected(() => saveAccount(db, { ...cash, kind: 'payLaterOrder', payLaterWindowDays: 14 }), 'account', [
      { path: 'kind', message: 'validation.kindHasRecords' }
    ])
    await expectRejected(() => saveAccount(db, { ...huabei, kind: 'cashLoanLine', statementTerms: null }), 'account', [
      { path: 'kind', message: 'validation.kindHasRecords' }
    ])
    expect((await db.accounts.get('cash'))?.kind).toBe('cashLoanLine')
    // A term loan also takes draws; a credit card takes orders.
    await saveAccount(db, { ...cash, kind: 'termLoan' })
    await saveAccount(db, { ...huabei, kind: 'creditCard' })
    expect((await db.accounts.get('cash'))?.kind).toBe('termLoan')
    expect((await db.accounts.get('huabei'))?.kind).toBe('creditCard')
  })

  it('allows any change of kind on an account with nothing on it', async () => {
    await saveAccount(db, cash)
    await saveAccount(db, { ...cash, kind: 'payLaterOrder', payLaterWindowDays: 7 })
    expect((await db.accounts.get('cash'))?.kind).toBe('payLaterOrder')
  })
})

describe('saveDraw', () => {
  beforeEach(async () => {
    await saveAccount(db, cash)
    await saveAccount(db, zhima)
  })

  it('stores a valid draw', async () => {
    await saveDraw(db, draw)
    expect(await db.draws.get('dr-1')).toEqual(draw)
  })

  it('refuses a schema failure, an unknown account and an account that takes no draws', async () => {
    await expectRejected(() => saveDraw(db, { ...draw, principal: 0.5 }), 'draw', [{ path: 'principal', message: 'validation.amountFen' }])
    await expectRejected(() => saveDraw(db, { ...draw, accountId: 'nowhere' }), 'draw', [{ path: 'accountId', message: 'validation.unknownAccount' }])
    await expectRejected(() => saveDraw(db, { ...draw, accountId: 'zhima' }), 'draw', [{ path: 'accountId', message: 'validation.accountTakesNoDraws' }])
    expect(await db.draws.count()).toBe(0)
  })

  it('refuses an edit its repayments no longer fit', async () => {
    await saveDraw(db, draw)
    await saveRepayment(db, repay('rp-1', { date: '2026-01-31', amount: 1_012_000 }))
    // Half the principal owes 506,000 on 01-31, less than the payoff already recorded.
    await expectRejected(() => saveDraw(db, { ...draw, principal: 500_000 }), 'draw', [{ path: 'principal', message: 'validation.editBreaksRepayments' }])
    await expectRejected(() => saveDraw(db, { ...draw, rate: 0.0003 }), 'draw', [{ path: 'principal', message: 'validation.editBreaksRepayments' }])
    // Higher interest leaves the payoff below what is owed, which is fine.
    await saveDraw(db, { ...draw, rate: 0.0005, notes: '利率调整' })
    expect((await db.draws.get('dr-1'))?.notes).toBe('利率调整')
  })

  it('refuses moving a draw with repayments to another account', async () => {
    await saveAccount(db, { ...cash, id: 'jiebei', name: '借呗' })
    await saveDraw(db, draw)
    await saveRepayment(db, repay('rp-1', { date: '2026-01-11', amount: 1_000 }))
    await expectRejected(() => saveDraw(db, { ...draw, accountId: 'jiebei' }), 'draw', [{ path: 'accountId', message: 'validation.moveWithRepayments' }])
  })

  it('refuses moving the draw date after any of its repayments, not just the first one stored', async () => {
    await saveDraw(db, draw)
    // Stored in key order: rp-a (01-20) comes first, rp-b (01-05) second.
    await saveRepayment(db, repay('rp-a', { date: '2026-01-20', amount: 1_000 }))
    await saveRepayment(db, repay('rp-b', { date: '2026-01-05', amount: 1_000 }))
    const moved = { ...draw, drawDate: '2026-01-10', firstDueDate: '2026-02-10' }
    await expectRejected(() => saveDraw(db, moved), 'draw', [{ path: 'drawDate', message: 'validation.editBreaksRepaymentDates' }])
    expect((await db.draws.get('dr-1'))?.drawDate).toBe('2026-01-01')
    // Up to the earliest repayment is fine.
    await saveDraw(db, { ...draw, drawDate: '2026-01-05', firstDueDate: '2026-02-05' })
    expect((await db.draws.get('dr-1'))?.drawDate).toBe('2026-01-05')
  })
})

describe('saveOrder', () => {
  beforeEach(async () => {
    await saveAccount(db, cash)
    await saveAccount(db, huabei)
  })

  it('stores a valid order and refuses one on an unknown account or a cash loan line', async () => {
    await saveOrder(db, order)
    expect(await db.orders.get('od-1')).toEqual(order)
    await expectRejected(() => saveOrder(db, { ...order, id: 'od-2', accountId: 'nowhere' }), 'order', [{ path: 'accountId', message: 'validation.unknownAccount' }])
    await expectRejected(() => saveOrder(db, { ...order, id: 'od-2', accountId: 'cash' }), 'order', [
      { path: 'accountId', message: 'validation.accountTakesNoOrders' }
    ])
    await expectRejected(() => saveOrder(db, { ...order, id: 'od-2', instalmentFeeRate: 0.006 }), 'order', [
      { path: 'instalmentFeeRate', message: 'validation.feeWithoutInstalments' }
    ])
    expect(await db.orders.count()).toBe(1)
  })

  it('refuses lowering the amount below what was repaid, and closing an order that has repayments', async () => {
    await saveOrder(db, order)
    await saveRepayment(db, repay('rp-1', { ...onOrder, date: '2026-01-06', amount: 8_000 }))
    await expectRejected(() => saveOrder(db, { ...order, amount: 7_999 }), 'order', [{ path: 'amount', message: 'validation.editBreaksRepayments' }])
    await saveOrder(db, { ...order, amount: 8_000 })
    // A refunded order owes nothing, so a payment on it would be money owed nowhere: the payment goes first.
    await expectRejected(() => saveOrder(db, { ...order, amount: 8_000, status: 'refunded' }), 'order', [{ path: 'status', message: 'validation.closeWithRepayments' }])
    await deleteRecord(db, 'repayments', 'rp-1')
    await saveOrder(db, { ...order, amount: 8_000, status: 'refunded' })
    expect((await db.orders.get('od-1'))?.status).toBe('refunded')
  })

  it('refuses moving the order date after any of its repayments', async () => {
    await saveOrder(db, order)
    await saveRepayment(db, repay('rp-a', { ...onOrder, date: '2026-01-20', amount: 1_000 }))
    await saveRepayment(db, repay('rp-b', { ...onOrder, date: '2026-01-06', amount: 1_000 }))
    await expectRejected(() => saveOrder(db, { ...order, orderDate: '2026-01-10' }), 'order', [
      { path: 'orderDate', message: 'validation.editBreaksRepaymentDates' }
    ])
    expect((await db.orders.get('od-1'))?.orderDate).toBe('2026-01-05')
    await saveOrder(db, { ...order, orderDate: '2026-01-06' })
    expect((await db.orders.get('od-1'))?.orderDate).toBe('2026-01-06')
  })
})

describe('saveRepayment', () => {
  beforeEach(async () => {
    await saveAccount(db, cash)
    await saveAccount(db, huabei)
    await saveDraw(db, draw)
    await saveOrder(db, order)
  })

  it('stores valid repayments of each target type', async () => {
    await saveRepayment(db, repay('rp-1', { date: '2026-01-11', amount: 504_000 }))
    await saveRepayment(db, repay('rp-2', { ...onOrder, date: '2026-01-06', amount: 4_000 }))
    await saveRepayment(db, repay('rp-3', { ...onBill, date: '2026-02-10', amount: 6_000 }))
    expect(await db.repayments.count()).toBe(3)
    expect(await db.repayments.get('rp-3')).toEqual(repay('rp-3', { ...onBill, date: '2026-02-10', amount: 6_000 }))
  })

  it('refuses a schema failure or an unknown account and writes nothing', async () => {
    await expectRejected(() => saveRepayment(db, repay('rp-1', { date: '2026-01-11', amount: -1 })), 'repayment', [
      { path: 'amount', message: 'validation.amountPositive' }
    ])
    await expectRejected(() => saveRepayment(db, repay('rp-1', { date: '2026-01-11', amount: 100, accountId: 'nowhere' })), 'repayment', [
      { path: 'accountId', message: 'validation.unknownAccount' }
    ])
    await expectRejected(() => saveRepayment(db, repay('rp-1', { date: '2025-12-31', amount: 100 })), 'repayment', [
      { path: 'date', message: 'validation.repaymentBeforeBorrowing' }
    ])
    await expectRejected(() => saveRepayment(db, repay('rp-1', { date: '2026-01-11', amount: 100, targetId: 'dr-404' })), 'repayment', [
      { path: 'targetId', message: 'validation.unknownTarget' }
    ])
    expect(await db.repayments.count()).toBe(0)
  })

  it('refuses more than is owed on a draw, an order or a statement', async () => {
    const over = [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
    await expectRejected(() => saveRepayment(db, repay('rp-1', { date: '2026-01-31', amount: 1_012_001 })), 'repayment', over)
    await expectRejected(() => saveRepayment(db, repay('rp-1', { ...onOrder, date: '2026-01-06', amount: 10_001 })), 'repayment', over)
    await expectRejected(() => saveRepayment(db, repay('rp-1', { ...onBill, date: '2026-02-10', amount: 10_001 })), 'repayment', over)
    expect(await db.repayments.count()).toBe(0)
  })

  it('leaves out of a bill what was already repaid on its orders one by one', async () => {
    await saveRepayment(db, repay('rp-1', { ...onOrder, date: '2026-01-06', amount: 4_000 }))
    await expectRejected(() => saveRepayment(db, repay('rp-2', { ...onBill, date: '2026-02-10', amount: 6_001 })), 'repayment', [
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
    await saveRepayment(db, repay('rp-2', { ...onBill, date: '2026-02-10', amount: 6_000 }))
    expect(await db.repayments.count()).toBe(2)
  })

  it('refuses an earlier repayment that would push a stored later one over what is owed', async () => {
    await saveRepayment(db, repay('rp-1', { date: '2026-01-31', amount: 1_012_000 }))
    await expectRejected(() => saveRepayment(db, repay('rp-2', { date: '2026-01-11', amount: 100_000 })), 'repayment', [
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })

  it('counts an edited repayment once, not next to its old self', async () => {
    await saveRepayment(db, repay('rp-1', { date: '2026-01-31', amount: 1_012_000 }))
    await saveRepayment(db, repay('rp-1', { date: '2026-01-31', amount: 1_000_000 }))
    expect((await db.repayments.get('rp-1'))?.amount).toBe(1_000_000)
    await expectRejected(() => saveRepayment(db, repay('rp-1', { date: '2026-01-31', amount: 1_012_001 })), 'repayment', [
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })

  it('refuses paying an order directly that a bill payment already covered', async () => {
    await saveRepayment(db, repay('rp-1', { ...onBill, date: '2026-02-10', amount: 10_000 }))
    // The 10,000 bill went to od-1, so paying it again directly would pay 20,000 for a 10,000 order.
    await expectRejected(() => saveRepayment(db, repay('rp-2', { ...onOrder, date: '2026-02-11', amount: 10_000 })), 'repayment', [
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
    // Paying what the bill left open is fine: a second order of 3,000 bought after the bill was paid.
    await saveOrder(db, { ...order, id: 'od-2', amount: 3_000, orderDate: '2026-02-11', dueDate: '2026-03-10' })
    await saveRepayment(db, repay('rp-3', { ...onOrder, targetId: 'od-2', date: '2026-02-12', amount: 3_000 }))
    expect(validateLedger(await readLedger(db))).toBeNull()
  })

  it('refuses a direct payment that, with the bill payments of the account, pays more than was bought', async () => {
    // od-1 10,000 and od-2 5,000; a 12,000 bill covers od-1 and 2,000 of od-2, so od-2 can take 3,000 more, not 3,001.
    await saveOrder(db, { ...order, id: 'od-2', amount: 5_000 })
    await saveRepayment(db, repay('rp-1', { ...onBill, date: '2026-02-10', amount: 12_000 }))
    await expectRejected(() => saveRepayment(db, repay('rp-2', { ...onOrder, targetId: 'od-2', date: '2026-02-11', amount: 3_001 })), 'repayment', [
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
    await saveRepayment(db, repay('rp-2', { ...onOrder, targetId: 'od-2', date: '2026-02-11', amount: 3_000 }))
    expect(validateLedger(await readLedger(db))).toBeNull()
  })
})

describe('saveInquiry', () => {
  it('stores a valid inquiry and refuses an invalid one', async () => {
    await saveInquiry(db, inquiry)
    expect(await db.inquiries.get('iq-1')).toEqual(inquiry)
    await expectRejected(() => saveInquiry(db, { ...inquiry, id: 'iq-2', date: '2026-02-30' }), 'inquiry', [{ path: 'date', message: 'validation.date' }])
  })
})

describe('one id, one record across every record table', () => {
  beforeEach(async () => {
    await saveAccount(db, cash)
    await saveAccount(db, huabei)
    await saveDraw(db, draw)
    await saveOrder(db, order)
  })

  it('refuses each single-record write whose id a record of another table holds, and writes nothing', async () => {
    const used = [{ path: 'id', message: 'validation.idUsedByOtherType' }]
    await expectRejected(() => saveOrder(db, { ...order, id: 'dr-1' }), 'order', used)
    await expectRejected(() => saveDraw(db, { ...draw, id: 'od-1' }), 'draw', used)
    await expectRejected(() => saveRepayment(db, repay('od-1', { date: '2026-01-11', amount: 1_000 })), 'repayment', used)
    await expectRejected(() => saveInquiry(db, { ...inquiry, id: 'huabei' }), 'inquiry', used)
    await expectRejected(() => saveAccount(db, { ...cash, id: 'dr-1' }), 'account', used)
    // An edit under its own id is no clash.
    await saveOrder(db, { ...order, amount: 12_000 })
    expect((await db.orders.get('od-1'))?.amount).toBe(12_000)
  })

  it('refuses an import or a whole ledger bringing an id another type holds', async () => {
    await expectRejected(() => addLedger(db, { ...emptyLedger, inquiries: [{ ...inquiry, id: 'od-1' }] }), 'inquiries', [{ path: 'id', message: 'validation.idUsedByOtherType' }])
    await expectRejected(() => replaceLedger(db, { ...emptyLedger, accounts: [cash], draws: [draw, { ...draw, id: 'cash' }] }), 'draws', [{ path: 'id', message: 'validation.idUsedByOtherType' }])
  })
})

describe('deleteRecord / restoreRemoved', () => {
  beforeEach(async () => {
    await saveAccount(db, cash)
    await saveAccount(db, huabei)
    await saveDraw(db, draw)
    await saveDraw(db, { ...draw, id: 'dr-2', principal: 200_000 })
    await saveOrder(db, order)
    await saveOrder(db, { ...order, id: 'od-2', amount: 5_000 })
    await saveRepayment(db, repay('rp-1', { date: '2026-01-11', amount: 504_000 }))
    await saveRepayment(db, repay('rp-2', { date: '2026-01-31', amount: 10_000 }))
    await saveRepayment(db, repay('rp-3', { targetId: 'dr-2', date: '2026-01-20', amount: 50_000 }))
    await saveRepayment(db, repay('rp-4', { ...onOrder, date: '2026-01-06', amount: 2_000 }))
    await saveRepayment(db, repay('rp-5', { ...onBill, date: '2026-02-10', amount: 5_000 }))
    await saveInquiry(db, inquiry)
  })

  it('deleting an account takes its draws, orders and repayments with it, and restore puts back exactly those rows', async () => {
    const before = await readLedger(db)
    const removed = await deleteRecord(db, 'accounts', 'cash')
    expect(removed.accounts?.map((a) => a.id)).toEqual(['cash'])
    expect(removed.draws?.map((d) => d.id)).toEqual(['dr-1', 'dr-2'])
    expect(removed.orders).toEqual([])
    expect(removed.repayments?.map((r) => r.id)).toEqual(['rp-1', 'rp-2', 'rp-3'])
    expect(countRemoved(removed)).toBe(6)
    expect(await counts()).toEqual({ accounts: 1, draws: 0, orders: 2, repayments: 2, inquiries: 1, billInstalments: 0, billFigures: 0 })
    expect(removed.draws).toEqual(before.draws)
    await restoreRemoved(db, removed)
    expect(await readLedger(db)).toEqual(before)
  })

  it('deleting a statement account takes its orders and all their repayments', async () => {
    const removed = await deleteRecord(db, 'accounts', 'huabei')
    expect(removed.orders?.map((o) => o.id)).toEqual(['od-1', 'od-2'])
    expect(removed.repayments?.map((r) => r.id)).toEqual(['rp-4', 'rp-5'])
    expect(await counts()).toEqual({ accounts: 1, draws: 2, orders: 0, repayments: 3, inquiries: 1, billInstalments: 0, billFigures: 0 })
  })

  it('deleting a draw takes only its own repayments', async () => {
    const before = await readLedger(db)
    const removed = await deleteRecord(db, 'draws', 'dr-1')
    expect(removed).toEqual({ draws: [draw], repayments: before.repayments.filter((r) => r.targetId === 'dr-1') })
    expect((await db.repayments.toArray()).map((r) => r.id)).toEqual(['rp-3', 'rp-4', 'rp-5'])
    expect(await db.draws.get('dr-2')).toBeDefined()
    await restoreRemoved(db, removed)
    expect(await readLedger(db)).toEqual(before)
  })

  it('deleting an order takes its direct repayments, not the bill payments of the account', async () => {
    const before = await readLedger(db)
    const removed = await deleteRecord(db, 'orders', 'od-1')
    expect(removed.orders?.map((o) => o.id)).toEqual(['od-1'])
    expect(removed.repayments?.map((r) => r.id)).toEqual(['rp-4'])
    expect(await db.repayments.get('rp-5')).toBeDefined()
    await restoreRemoved(db, removed)
    expect(await readLedger(db)).toEqual(before)
  })

  it('deletes a single repayment or inquiry', async () => {
    const before = await readLedger(db)
    const r = await deleteRecord(db, 'repayments', 'rp-2')
    expect(r).toEqual({ repayments: [before.repayments.find((x) => x.id === 'rp-2')] })
    const q = await deleteRecord(db, 'inquiries', 'iq-1')
    expect(q).toEqual({ inquiries: [inquiry] })
    expect(await counts()).toEqual({ accounts: 2, draws: 2, orders: 2, repayments: 4, inquiries: 0, billInstalments: 0, billFigures: 0 })
    await restoreRemoved(db, r)
    await restoreRemoved(db, q)
    expect(await readLedger(db)).toEqual(before)
  })

  it('removes nothing for an unknown id', async () => {
    const before = await readLedger(db)
    for (const t of RECORD_TYPES) {
      const removed = await deleteRecord(db, t, 'nope')
      expect(removed).toEqual({})
      expect(countRemoved(removed)).toBe(0)
    }
    expect(await readLedger(db)).toEqual(before)
  })
})

describe('addLedger / readLedger / clearLedger', () => {
  const sample = generateSampleLedger({ today: '2026-11-21' })

  it('writes every row of the sample ledger and reads it back unchanged', async () => {
    await addLedger(db, sample)
    expect(await counts()).toEqual({
      accounts: sample.accounts.length,
      draws: sample.draws.length,
      orders: sample.orders.length,
      repayments: sample.repayments.length,
      inquiries: sample.inquiries.length,
      billInstalments: sample.billInstalments.length,
      billFigures: 0
    })
    const read = await readLedger(db)
    expect(read).toEqual(sorted(sample))
    // A backup read from the store can be restored into an empty one.
    await clearLedger(db)
    await addLedger(db, read)
    expect(await readLedger(db)).toEqual(read)
  })

  it('stores the parsed records, like the single-record writes', async () => {
    const messy = { ...cash, name: '  网商贷 ', notes: ' 经营用 ', junk: 'not a field' }
    await addLedger(db, { ...emptyLedger, accounts: [messy] })
    expect(await db.accounts.get('cash')).toEqual({ ...cash, notes: '经营用' })
  })

  it('writes nothing when one record in the middle fails its schema, and says which', async () => {
    const broken: Ledger = { ...sample, orders: sample.orders.map((o, i) => (i === 10 ? { ...o, amount: 0 } : o)) }
    const error = await failureOf(() => addLedger(db, broken))
    expect(error).toBeInstanceOf(ValidationError)
    const v = error instanceof ValidationError ? error : null
    expect(v?.recordType).toBe('orders')
    expect(v?.row).toBe(11)
    expect(v?.issues).toEqual([{ path: 'amount', message: 'validation.amountPositive' }])
    expect(v?.message).toContain('orders #11')
    expect(await counts()).toEqual({ accounts: 0, draws: 0, orders: 0, repayments: 0, inquiries: 0, billInstalments: 0, billFigures: 0 })
  })

  it('writes nothing when a cross-record rule fails late in the list', async () => {
    const last = sample.repayments.length - 1
    const broken: Ledger = { ...sample, repayments: sample.repayments.map((r, i) => (i === last ? { ...r, amount: r.amount + 1_000_000_000 } : r)) }
    const error = await failureOf(() => addLedger(db, broken))
    expect(error).toBeInstanceOf(ValidationError)
    const v = error instanceof ValidationError ? error : null
    expect(v?.recordType).toBe('repayments')
    expect(v?.issues).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
    expect(await counts()).toEqual({ accounts: 0, draws: 0, orders: 0, repayments: 0, inquiries: 0, billInstalments: 0, billFigures: 0 })
  })

  it('checks against what is stored: an id already present rejects the whole ledger', async () => {
    await saveAccount(db, cash)
    await saveInquiry(db, inquiry)
    const before = await readLedger(db)
    const error = await failureOf(() => addLedger(db, { ...emptyLedger, accounts: [huabei], inquiries: [{ ...inquiry, id: 'iq-0' }, inquiry] }))
    expect(error).toMatchObject({ recordType: 'inquiries', row: 2, issues: [{ path: 'id', message: 'validation.duplicateId' }] })
    expect(await readLedger(db)).toEqual(before)
    // A draw on the stored account is fine.
    await addLedger(db, { ...emptyLedger, draws: [draw] })
    expect(await db.draws.count()).toBe(1)
  })

  it('replaceLedger swaps the whole ledger, or leaves the old one untouched when the new one is bad', async () => {
    await addLedger(db, sample)
    const small: Ledger = { ...emptyLedger, accounts: [cash], draws: [draw], repayments: [repay('rp-1', { date: '2026-01-31', amount: 1_012_000 })] }
    const broken: Ledger = { ...small, repayments: [repay('rp-1', { date: '2026-01-31', amount: 1_012_001 })] }
    const error = await failureOf(() => replaceLedger(db, broken))
    expect(error).toMatchObject({ recordType: 'repayments', row: 1, issues: [{ path: 'amount', message: 'validation.repaymentOverOwed' }] })
    expect(await readLedger(db)).toEqual(sorted(sample))
    await replaceLedger(db, small)
    expect(await readLedger(db)).toEqual(small)
    await replaceLedger(db, sample)
    expect(await readLedger(db)).toEqual(sorted(sample))
  })

  it('clearLedger empties every record table and keeps the profile', async () => {
    await addLedger(db, sample)
    await saveProfile(db, { ...DEFAULT_PROFILE, monthlyIncome: 2_000_000 })
    await clearLedger(db)
    expect(await counts()).toEqual({ accounts: 0, draws: 0, orders: 0, repayments: 0, inquiries: 0, billInstalments: 0, billFigures: 0 })
    expect((await loadProfile(db)).monthlyIncome).toBe(2_000_000)
  })
})

describe('profile', () => {
  const profile = { ...zhProfile, language: 'en' } satisfies Profile

  it('loads the defaults when nothing is stored', async () => {
    expect(await loadProfile(db)).toEqual(DEFAULT_PROFILE)
  })

  it('loads the defaults when the stored profile is corrupt', async () => {
    for (const value of ['garbage', null, { ...profile, monthlyIncome: -5 }, { ...profile, language: 'fr' }, { monthlyIncome: 1 }]) {
      await db.meta.put({ key: 'profile', value })
      expect(await loadProfile(db)).toEqual(DEFAULT_PROFILE)
    }
  })

  it('saves a valid profile and refuses an invalid one', async () => {
    await saveProfile(db, profile)
    expect(await loadProfile(db)).toEqual(profile)
    const error = await failureOf(() => saveProfile(db, { ...profile, mortgageDate: '2027-02-30' }))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ recordType: 'profile', issues: [{ path: 'mortgageDate', message: 'validation.date' }] })
    expect(await loadProfile(db)).toEqual(profile)
  })
})
