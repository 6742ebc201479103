import { describe, expect, it } from 'vitest'
import { onlineLendersRule, unclearedLenders } from './online-lenders'
import { bill, card, carLoan, drawOn, fenfu, inputOf, jiebei, ledgerOf, line, orderOn, pay, perOrder } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

const owing = (accountId: string, principal = 100_000) => drawOn(accountId, '2026-11-01', principal)

describe('uncleared online lenders (default at most 2)', () => {
  const thirdLine = { ...line, id: 'wld', name: '微粒贷', reportName: '深圳前海微众银行股份有限公司' }

  it('fires at 3 lenders, not at 2', () => {
    expect(onlineLendersRule(inputOf(ledgerOf({ accounts: [line, jiebei], draws: [owing('line'), owing('jiebei')] })))).toEqual([])
    const flags = onlineLendersRule(inputOf(ledgerOf({ accounts: [line, jiebei, thirdLine], draws: [owing('line'), owing('jiebei'), owing('wld', 50_000)] })))
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ id: 'onlineLenders', severity: 'warning', source: 'BANK', measure: 3 })
    // The smallest debt is the quickest to clear: ¥500 and 20 days at ¥0.20.
    expect(zh(flags[0]!.action)).toContain('深圳前海微众银行股份有限公司（微粒贷）欠 ¥504.00')
  })

  it('counts accounts reporting under one lender once (花呗 and 借呗 are both 重庆蚂蚁消费金融)', () => {
    const order = orderOn('bill', '2026-11-05', '2026-12-10')
    const lenders = unclearedLenders(inputOf(ledgerOf({ accounts: [line, jiebei, bill], draws: [owing('line'), owing('jiebei')], orders: [order] })))
    expect(lenders.map((l) => [l.lender, l.accounts.map((a) => a.name)])).toEqual([
      ['浙江网商银行股份有限公司', ['网商贷']],
      ['重庆蚂蚁消费金融有限公司', ['借呗', '花呗']]
    ])
    // The same names in the same order, however the accounts were read (the store reads them by id).
    const reversed = unclearedLenders(inputOf(ledgerOf({ accounts: [bill, jiebei, line], draws: [owing('line'), owing('jiebei')], orders: [order] })))
    expect(reversed.map((l) => l.accounts.map((a) => a.name))).toEqual([['网商贷'], ['借呗', '花呗']])
  })

  it('leaves out cleared accounts, bank cards and loans, and products that do not report; counts unknown ones', () => {
    const cleared = owing('jiebei')
    const zhimaOrder = orderOn('per', '2026-11-10', '2026-11-24')
    const cardOrder = orderOn('card', '2026-11-10', '2026-12-23')
    const fenfuOrder = orderOn('fenfu', '2026-11-10', '2026-12-10')
    const lenders = unclearedLenders(
      inputOf(
        ledgerOf({
          accounts: [line, jiebei, perOrder, card, carLoan, fenfu],
          draws: [owing('line'), cleared, owing('car')],
          orders: [zhimaOrder, cardOrder, fenfuOrder],
          repayments: [pay(cleared, '2026-11-10', 100_360)]
        })
      )
    )
    expect(lenders.map((l) => [l.lender, l.uncertain])).toEqual([
      ['微信分付', true],
      ['浙江网商银行股份有限公司', false]
    ])
  })

  it('follows its setting', () => {
    const ledger = ledgerOf({ accounts: [line, jiebei, thirdLine], draws: [owing('line'), owing('jiebei'), owing('wld')] })
    expect(onlineLendersRule(inputOf(ledger, { settings: { maxOnlineLenders: 3 } }))).toEqual([])
    expect(en(onlineLendersRule(inputOf(ledger, { settings: { maxOnlineLenders: 0 } }))[0]!.action)).toContain('Clear the 3 smallest first')
  })
})
