import { describe, expect, it } from 'vitest'
import { checkDrawAccount, checkOrderAccount, checkRepayment } from './checks'
import type { Account, Repayment } from './records'
import {
  cash,
  draw,
  huabei as namedHuabei,
  onBill,
  onOrder as onOrderTarget,
  orderWith,
  repay as repayWithId,
  zhima as namedZhima,
  type RepayFields
} from '@/test-fixtures'

// Here the statement and pay-later accounts keep the cash line's name: only kind and cycle matter to the checks.
const huabei = { ...namedHuabei, name: cash.name } satisfies Account
const zhima = { ...namedZhima, name: cash.name } satisfies Account
const card = { ...cash, id: 'card', kind: 'creditCard', statementDay: 5, dueDay: 23 } satisfies Account
const term = { ...cash, id: 'term', kind: 'termLoan' } satisfies Account
const other = { ...cash, id: 'other', kind: 'other' } satisfies Account

let serial = 0
function repay(fields: RepayFields): Repayment {
  return repayWithId(`rp-${++serial}`, fields)
}

describe('checkDrawAccount', () => {
  it('needs an existing account that lends cash', () => {
    expect(checkDrawAccount(draw, undefined)).toEqual([{ path: 'accountId', message: 'validation.unknownAccount' }])
    expect(checkDrawAccount(draw, zhima)).toEqual([{ path: 'accountId', message: 'validation.accountTakesNoDraws' }])
    expect(checkDrawAccount(draw, huabei)).toEqual([{ path: 'accountId', message: 'validation.accountTakesNoDraws' }])
    for (const account of [cash, card, term, other]) expect(checkDrawAccount(draw, account)).toEqual([])
  })
})

describe('checkOrderAccount', () => {
  it('needs an existing account that finances purchases', () => {
    const o = orderWith('od-1')
    expect(checkOrderAccount(o, undefined)).toEqual([{ path: 'accountId', message: 'validation.unknownAccount' }])
    expect(checkOrderAccount(o, cash)).toEqual([{ path: 'accountId', message: 'validation.accountTakesNoOrders' }])
    expect(checkOrderAccount(o, term)).toEqual([{ path: 'accountId', message: 'validation.accountTakesNoOrders' }])
    for (const account of [huabei, zhima, card, other]) expect(checkOrderAccount(o, account)).toEqual([])
  })
})

describe('checkRepayment against a draw', () => {
  const target = { account: cash, draw, others: [] }

  it('needs the account and a draw of that account', () => {
    expect(checkRepayment(repay({ date: '2026-01-10', amount: 100 }), { ...target, account: undefined })).toEqual([
      { path: 'accountId', message: 'validation.unknownAccount' }
    ])
    expect(checkRepayment(repay({ date: '2026-01-10', amount: 100 }), { ...target, draw: undefined })).toEqual([
      { path: 'targetId', message: 'validation.unknownTarget' }
    ])
    expect(checkRepayment(repay({ date: '2026-01-10', amount: 100 }), { ...target, draw: { ...draw, accountId: 'jiebei' } })).toEqual([
      { path: 'targetId', message: 'validation.unknownTarget' }
    ])
  })

  it('refuses a repayment before the draw date, allows one on it', () => {
    expect(checkRepayment(repay({ date: '2025-12-31', amount: 100 }), target)).toEqual([{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }])
    expect(checkRepayment(repay({ date: '2026-01-01', amount: 1_000_000 }), target)).toEqual([])
  })

  it('refuses more than is owed on the day, principal plus interest to date', () => {
    expect(checkRepayment(repay({ date: '2026-01-31', amount: 1_012_000 }), target)).toEqual([])
    expect(checkRepayment(repay({ date: '2026-01-31', amount: 1_012_001 }), target)).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
    expect(checkRepayment(repay({ date: '2026-01-01', amount: 1_000_001 }), target)).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
  })

  it('counts other repayments, earlier ones and same-day ones', () => {
    // After 504,000 on 2026-01-11, 504,000 is owed on 2026-01-31 (see owed.test.ts).
    const earlier = repay({ date: '2026-01-11', amount: 504_000 })
    expect(checkRepayment(repay({ date: '2026-01-31', amount: 504_000 }), { ...target, others: [earlier] })).toEqual([])
    expect(checkRepayment(repay({ date: '2026-01-31', amount: 504_001 }), { ...target, others: [earlier] })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
    const sameDay = repay({ date: '2026-01-31', amount: 500_000 })
    expect(checkRepayment(repay({ date: '2026-01-31', amount: 512_000 }), { ...target, others: [sameDay] })).toEqual([])
    expect(checkRepayment(repay({ date: '2026-01-31', amount: 512_001 }), { ...target, others: [sameDay] })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })

  it('refuses an earlier repayment that would push a later payoff over what is owed', () => {
    const payoff = repay({ date: '2026-01-31', amount: 1_012_000 })
    // 100,000 on 2026-01-11 pays 4,000 interest and 96,000 principal, leaving 904,000 that accrues
    // 20 * 361.6 = 7,232 by 01-31: 911,232 owed there, less than the recorded 1,012,000 payoff.
    expect(checkRepayment(repay({ date: '2026-01-11', amount: 100_000 }), { ...target, others: [payoff] })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
    // A payment after the payoff has nothing left to pay.
    expect(checkRepayment(repay({ date: '2026-02-01', amount: 1 }), { ...target, others: [payoff] })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })
})

describe('checkRepayment against an order', () => {
  const o = orderWith('od-1', { orderDate: '2026-01-05' })
  const target = { account: huabei, order: o, others: [] }
  const onOrder = (fields: RepayFields) => repay({ ...onOrderTarget, ...fields })

  it('needs the order on the same account and not before it was made', () => {
    expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 100 }), { ...target, order: undefined })).toEqual([
      { path: 'targetId', message: 'validation.unknownTarget' }
    ])
    expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 100, accountId: 'zhima' }), { ...target, account: zhima })).toEqual([
      { path: 'targetId', message: 'validation.unknownTarget' }
    ])
    expect(checkRepayment(onOrder({ date: '2026-01-04', amount: 100 }), target)).toEqual([{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }])
  })

  it('refuses a refunded or cancelled order', () => {
    for (const status of ['refunded', 'cancelled'] as const)
      expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 100 }), { ...target, order: { ...o, status } })).toEqual([
        { path: 'targetId', message: 'validation.orderClosed' }
      ])
  })

  it('refuses more than the order total, counting the other repayments', () => {
    const part = onOrder({ date: '2026-01-06', amount: 6_000 })
    expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 4_000 }), { ...target, others: [part] })).toEqual([])
    expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 4_001 }), { ...target, others: [part] })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })

  it('includes instalment fees in the total', () => {
    // 30,000 in 3 at 0.75%: 3 * 225 = 675 in fees, 30,675 in all.
    const plan = orderWith('od-1', { amount: 30_000, instalmentCount: 3, instalmentFeeRate: 0.0075 })
    expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 30_675 }), { ...target, order: plan })).toEqual([])
    expect(checkRepayment(onOrder({ date: '2026-01-10', amount: 30_676 }), { ...target, order: plan })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })
})

describe('checkRepayment against a whole statement', () => {
  // B (5,000) bought 01-03, A (10,000) bought 01-20, R (8,000) refunded: 15,000 can be billed by 01-20.
  const B = orderWith('B', { amount: 5_000, orderDate: '2026-01-03' })
  const A = orderWith('A', { amount: 10_000, orderDate: '2026-01-20' })
  const R = orderWith('R', { amount: 8_000, orderDate: '2026-01-02', status: 'refunded' })
  const target = { account: huabei, orders: [A, B, R], others: [] }
  const bill = (date: string, amount: number) => repay({ ...onBill, date, amount })

  it('targets the account itself', () => {
    expect(checkRepayment(repay({ accountId: 'huabei', targetType: 'statement', targetId: 'fenfu', date: '2026-02-10', amount: 1 }), target)).toEqual([
      { path: 'targetId', message: 'validation.unknownTarget' }
    ])
  })

  it('refuses more than the open orders bought by the payment day', () => {
    expect(checkRepayment(bill('2026-02-10', 15_000), target)).toEqual([])
    expect(checkRepayment(bill('2026-02-10', 15_001), target)).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
    // On 01-10 only B had been bought.
    expect(checkRepayment(bill('2026-01-10', 5_000), target)).toEqual([])
    expect(checkRepayment(bill('2026-01-10', 5_001), target)).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
  })

  it('leaves out what was repaid on orders one by one', () => {
    const direct = new Map([['A', 4_000]])
    expect(checkRepayment(bill('2026-02-10', 11_000), { ...target, directRepaidByOrder: direct })).toEqual([])
    expect(checkRepayment(bill('2026-02-10', 11_001), { ...target, directRepaidByOrder: direct })).toEqual([
      { path: 'amount', message: 'validation.repaymentOverOwed' }
    ])
  })

  it('refuses an earlier bill payment that would push a later one over', () => {
    const later = bill('2026-02-10', 15_000)
    expect(checkRepayment(bill('2026-01-10', 1), { ...target, others: [later] })).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
  })

  it('has nothing to pay on an account without orders', () => {
    expect(checkRepayment(bill('2026-02-10', 1), { account: huabei, others: [] })).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
  })
})
