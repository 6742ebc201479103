import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { MAX_FEN } from './money'
import {
  accountSchema,
  check,
  DEFAULT_PROFILE,
  drawSchema,
  HARD_INQUIRY_REASONS,
  inquirySchema,
  orderSchema,
  profileSchema,
  RATE_LIMITS,
  recordSchemas,
  repaymentSchema,
  RECORD_TYPES,
  type Account,
  type Draw,
  type FieldIssue,
  type Inquiry,
  type Order,
  type Repayment
} from './records'
import {
  cash,
  draw as sharedDraw,
  huabei as sharedHuabei,
  inquiry as sharedInquiry,
  limitAndReportName,
  order as sharedOrder,
  profile,
  zhima as sharedZhima
} from '@/testing/fixtures'

const cashLine = { ...cash, ...limitAndReportName, id: 'acc-cash' } satisfies Account
const huabei = { ...sharedHuabei, ...limitAndReportName, id: 'acc-huabei' } satisfies Account
const zhima = { ...sharedZhima, ...limitAndReportName, id: 'acc-zhima' } satisfies Account

const draw = { ...sharedDraw, accountId: 'acc-cash', channel: 'merchantQr' } satisfies Draw

const feeDraw = { ...draw, id: 'dr-fee', method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006 } satisfies Draw

const order = { ...sharedOrder, accountId: 'acc-huabei', item: '运动鞋', amount: 29_900, externalOrderNo: '202601050001' } satisfies Order

const repayment = { id: 'rp-1', accountId: 'acc-cash', targetType: 'draw', targetId: 'dr-1', date: '2026-01-20', amount: 50_000, note: '' } satisfies Repayment

const inquiry = { ...sharedInquiry, date: '2026-11-15' } satisfies Inquiry

function issuesOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = check(schema, input)
  return result.ok ? [] : result.issues
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record
  return rest
}

describe('valid records pass', () => {
  it.each([
    ['cash loan account', accountSchema, cashLine],
    ['statement account', accountSchema, huabei],
    ['pay-later account', accountSchema, zhima],
    ['credit card', accountSchema, { ...huabei, kind: 'creditCard', statementDay: 5, dueDay: 23 }],
    ['daily-rate draw', drawSchema, draw],
    ['fee-instalment draw', drawSchema, feeDraw],
    ['annual-rate term loan draw', drawSchema, { ...draw, method: 'equalInstalment', rateUnit: 'annual', rate: 0.042, termMonths: 36 }],
    ['interest-free draw (rate 0)', drawSchema, { ...draw, rate: 0 }],
    ['draw at the largest amount', drawSchema, { ...draw, principal: MAX_FEN }],
    ['single-payment order', orderSchema, order],
    ['instalment order', orderSchema, { ...order, instalmentCount: 12, instalmentFeeRate: 0.0068 }],
    ['order due on its order day', orderSchema, { ...order, dueDate: order.orderDate }],
    ['repayment', repaymentSchema, repayment],
    ['statement repayment', repaymentSchema, { ...repayment, accountId: 'acc-huabei', targetType: 'statement', targetId: 'acc-huabei' }],
    ['inquiry', inquirySchema, inquiry],
    ['profile', profileSchema, profile],
    ['default profile', profileSchema, DEFAULT_PROFILE]
  ] as const)('%s', (_label, schema, input) => {
    expect(check<unknown>(schema, input)).toEqual({ ok: true, value: input })
  })

  it('trims text fields on the way in', () => {
    const result = check(accountSchema, { ...cashLine, name: '  网商贷 ', notes: ' 经营用 ' })
    expect(result.ok && result.value.name).toBe('网商贷')
    expect(result.ok && result.value.notes).toBe('经营用')
  })

  it('has one schema per record type', () => {
    expect(Object.keys(recordSchemas).sort()).toEqual([...RECORD_TYPES].sort())
  })
})

describe('amounts', () => {
  it.each([
    [0, 'validation.amountPositive'],
    [-100, 'validation.amountPositive'],
    [100.5, 'validation.amountFen'],
    [MAX_FEN + 1, 'validation.amountTooLarge'],
    [Number.POSITIVE_INFINITY, 'validation.amount'],
    [Number.NaN, 'validation.amount'],
    ['100', 'validation.amount'],
    [null, 'validation.amount']
  ])('an order amount of %j is rejected with %s', (amount, message) => {
    expect(issuesOf(orderSchema, { ...order, amount })).toEqual([{ path: 'amount', message }])
  })

  it('rejects the same amounts on draws and repayments', () => {
    expect(issuesOf(drawSchema, { ...draw, principal: -1 })).toContainEqual({ path: 'principal', message: 'validation.amountPositive' })
    expect(issuesOf(drawSchema, { ...draw, principal: 0.01 })).toContainEqual({ path: 'principal', message: 'validation.amountFen' })
    expect(issuesOf(repaymentSchema, { ...repayment, amount: 0 })).toEqual([{ path: 'amount', message: 'validation.amountPositive' }])
    expect(issuesOf(repaymentSchema, { ...repayment, amount: MAX_FEN + 1 })).toEqual([{ path: 'amount', message: 'validation.amountTooLarge' }])
    expect(issuesOf(repaymentSchema, { ...repayment, amount: '500' })).toEqual([{ path: 'amount', message: 'validation.amount' }])
  })

  it('allows zero but not negative where an amount may be empty', () => {
    expect(issuesOf(accountSchema, { ...cashLine, creditLimit: 0 })).toEqual([])
    expect(issuesOf(accountSchema, { ...cashLine, creditLimit: null })).toEqual([])
    expect(issuesOf(accountSchema, { ...cashLine, creditLimit: -1 })).toEqual([{ path: 'creditLimit', message: 'validation.amountNonNegative' }])
    expect(issuesOf(profileSchema, { ...profile, monthlyIncome: -1 })).toEqual([{ path: 'monthlyIncome', message: 'validation.amountNonNegative' }])
    expect(issuesOf(profileSchema, { ...profile, mortgageAmount: 1.5 })).toEqual([{ path: 'mortgageAmount', message: 'validation.amountFen' }])
  })

  it('needs the upfront fee below the principal', () => {
    expect(issuesOf(drawSchema, { ...draw, upfrontFee: draw.principal })).toEqual([{ path: 'upfrontFee', message: 'validation.feeBelowPrincipal' }])
    expect(issuesOf(drawSchema, { ...draw, upfrontFee: draw.principal - 1 })).toEqual([])
    expect(issuesOf(drawSchema, { ...draw, upfrontFee: -1 })).toEqual([{ path: 'upfrontFee', message: 'validation.amountNonNegative' }])
  })
})

describe('dates', () => {
  it.each(['2026-02-29', '2024-02-30', '2026-13-01', '2026-1-1', '2026-04-31', ''])('rejects an impossible draw date %j', (drawDate) => {
    // The cross-field rules skip dates that are not dates, so the only issue is the date itself.
    expect(issuesOf(drawSchema, { ...draw, drawDate })).toEqual([{ path: 'drawDate', message: 'validation.date' }])
  })

  it('rejects impossible dates on every record', () => {
    expect(issuesOf(orderSchema, { ...order, orderDate: '2026-02-30' })).toEqual([{ path: 'orderDate', message: 'validation.date' }])
    expect(issuesOf(repaymentSchema, { ...repayment, date: '2026-04-31' })).toEqual([{ path: 'date', message: 'validation.date' }])
    expect(issuesOf(inquirySchema, { ...inquiry, date: 20261115 })).toEqual([{ path: 'date', message: 'validation.date' }])
    expect(issuesOf(profileSchema, { ...profile, mortgageDate: '2027-02-29' })).toEqual([{ path: 'mortgageDate', message: 'validation.date' }])
  })

  it('rejects an order due before it was made', () => {
    expect(issuesOf(orderSchema, { ...order, dueDate: '2026-01-04' })).toEqual([{ path: 'dueDate', message: 'validation.dueBeforeOrder' }])
  })

  it('needs the first due date after the draw date and within the term', () => {
    expect(issuesOf(drawSchema, { ...draw, firstDueDate: draw.drawDate })).toEqual([{ path: 'firstDueDate', message: 'validation.firstDueAfterDraw' }])
    expect(issuesOf(drawSchema, { ...draw, firstDueDate: '2025-12-31' })).toEqual([{ path: 'firstDueDate', message: 'validation.firstDueAfterDraw' }])
    // A one-month term from 2026-01-31 ends on 2026-02-28 (clamped): that day is allowed, the next is not.
    const oneMonth = { ...draw, drawDate: '2026-01-31', termMonths: 1 }
    expect(issuesOf(drawSchema, { ...oneMonth, firstDueDate: '2026-02-28' })).toEqual([])
    expect(issuesOf(drawSchema, { ...oneMonth, firstDueDate: '2026-03-01' })).toEqual([{ path: 'firstDueDate', message: 'validation.firstDueWithinTerm' }])
  })
})

describe('rates', () => {
  it.each([
    ['daily', 'flexible', 0.002],
    ['daily', 'flexible', -0.0001],
    ['monthlyFee', 'feeInstalment', 0.03],
    ['monthlyFee', 'feeInstalment', -0.006],
    ['annual', 'equalInstalment', 0.5],
    ['annual', 'equalPrincipal', -0.01]
  ] as const)('rejects a %s rate (%s) of %d', (rateUnit, method, rate) => {
    expect(issuesOf(drawSchema, { ...draw, rateUnit, method, rate })).toEqual([{ path: 'rate', message: `validation.rateRange.${rateUnit}` }])
  })

  it('accepts each unit up to its limit', () => {
    expect(RATE_LIMITS).toEqual({ daily: 0.001, monthlyFee: 0.02, annual: 0.36 })
    expect(issuesOf(drawSchema, { ...draw, rate: 0.001 })).toEqual([])
    expect(issuesOf(drawSchema, { ...feeDraw, rate: 0.02 })).toEqual([])
    expect(issuesOf(drawSchema, { ...draw, method: 'interestOnly', rateUnit: 'annual', rate: 0.36 })).toEqual([])
  })

  it('rejects a rate that is not a finite number', () => {
    expect(issuesOf(drawSchema, { ...draw, rate: Number.NaN })).toEqual([{ path: 'rate', message: 'validation.rate' }])
    expect(issuesOf(drawSchema, { ...draw, rate: '0.0004' })).toEqual([{ path: 'rate', message: 'validation.rate' }])
  })

  it('ties the monthly-fee unit to the fee-instalment method, both ways', () => {
    expect(issuesOf(drawSchema, { ...feeDraw, rateUnit: 'daily', rate: 0.0004 })).toEqual([{ path: 'rateUnit', message: 'validation.rateUnitMethod' }])
    expect(issuesOf(drawSchema, { ...draw, rateUnit: 'monthlyFee', rate: 0.006 })).toEqual([{ path: 'rateUnit', message: 'validation.rateUnitMethod' }])
  })

  it('caps the instalment fee of an order and refuses a fee on a single payment', () => {
    expect(issuesOf(orderSchema, { ...order, instalmentFeeRate: 0.006 })).toEqual([{ path: 'instalmentFeeRate', message: 'validation.feeWithoutInstalments' }])
    expect(issuesOf(orderSchema, { ...order, instalmentCount: 12, instalmentFeeRate: 0.03 })).toEqual([{ path: 'instalmentFeeRate', message: 'validation.rateRange.monthlyFee' }])
    expect(issuesOf(orderSchema, { ...order, instalmentCount: 12, instalmentFeeRate: -0.001 })).toEqual([{ path: 'instalmentFeeRate', message: 'validation.rateRange.monthlyFee' }])
  })
})

describe('accounts', () => {
  it.each([
    ['bnplStatement', 'statementDay'],
    ['bnplStatement', 'dueDay'],
    ['creditCard', 'statementDay'],
    ['creditCard', 'dueDay']
  ] as const)('a %s needs a %s', (kind, field) => {
    expect(issuesOf(accountSchema, { ...huabei, kind, [field]: null })).toEqual([{ path: field, message: 'validation.required' }])
  })

  it('a pay-later account needs its window, other kinds do not', () => {
    expect(issuesOf(accountSchema, { ...zhima, payLaterWindowDays: null })).toEqual([{ path: 'payLaterWindowDays', message: 'validation.required' }])
    expect(issuesOf(accountSchema, { ...cashLine, kind: 'termLoan' })).toEqual([])
    expect(issuesOf(accountSchema, { ...cashLine, kind: 'other' })).toEqual([])
  })

  it.each([0, 32, 1.5])('rejects day of month %d', (statementDay) => {
    expect(issuesOf(accountSchema, { ...huabei, statementDay })).toEqual([{ path: 'statementDay', message: 'validation.dayOfMonth' }])
  })

  it('bounds the window, the penalty multiplier and the texts', () => {
    expect(issuesOf(accountSchema, { ...zhima, payLaterWindowDays: 0 })).toEqual([{ path: 'payLaterWindowDays', message: 'validation.windowDays' }])
    expect(issuesOf(accountSchema, { ...zhima, payLaterWindowDays: 91 })).toEqual([{ path: 'payLaterWindowDays', message: 'validation.windowDays' }])
    expect(issuesOf(accountSchema, { ...zhima, payLaterWindowDays: 90 })).toEqual([])
    expect(issuesOf(accountSchema, { ...cashLine, penaltyMultiplier: 0.9 })).toEqual([{ path: 'penaltyMultiplier', message: 'validation.penaltyMultiplier' }])
    expect(issuesOf(accountSchema, { ...cashLine, penaltyMultiplier: 3.1 })).toEqual([{ path: 'penaltyMultiplier', message: 'validation.penaltyMultiplier' }])
    expect(issuesOf(accountSchema, { ...cashLine, name: 'x'.repeat(41) })).toEqual([{ path: 'name', message: 'validation.tooLong' }])
    expect(issuesOf(accountSchema, { ...cashLine, name: 'x'.repeat(40) })).toEqual([])
    expect(issuesOf(accountSchema, { ...cashLine, name: '   ' })).toEqual([{ path: 'name', message: 'validation.required' }])
    expect(issuesOf(accountSchema, { ...cashLine, id: '' })).toEqual([{ path: 'id', message: 'validation.required' }])
    expect(issuesOf(accountSchema, { ...cashLine, id: 'x'.repeat(65) })).toEqual([expect.objectContaining({ path: 'id' })])
  })

  it('limits instalment counts and term months', () => {
    expect(issuesOf(orderSchema, { ...order, instalmentCount: 0 })).toEqual([{ path: 'instalmentCount', message: 'validation.instalments' }])
    expect(issuesOf(orderSchema, { ...order, instalmentCount: 37, instalmentFeeRate: 0.006 })).toEqual([{ path: 'instalmentCount', message: 'validation.instalments' }])
    expect(issuesOf(drawSchema, { ...draw, termMonths: 0 })).toContainEqual({ path: 'termMonths', message: 'validation.termMonths' })
    expect(issuesOf(drawSchema, { ...draw, termMonths: 2.5 })).toContainEqual({ path: 'termMonths', message: 'validation.termMonths' })
    expect(issuesOf(drawSchema, { ...draw, termMonths: 361 })).toEqual([{ path: 'termMonths', message: 'validation.termMonths' }])
  })
})

describe('enums, types and missing fields', () => {
  it.each([
    [accountSchema, cashLine, 'kind', 'loan'],
    [accountSchema, cashLine, 'reportsToCredit', 'maybe'],
    [drawSchema, draw, 'channel', 'atm'],
    [drawSchema, draw, 'method', 'balloon'],
    [orderSchema, order, 'status', 'overdue'],
    [repaymentSchema, repayment, 'targetType', 'card'],
    [inquirySchema, inquiry, 'reason', 'curious'],
    [profileSchema, profile, 'language', 'fr']
  ] as const)('rejects an unknown enum value (%#: %s = %s)', (schema, valid, field, value) => {
    expect(issuesOf(schema, { ...valid, [field]: value })).toEqual([{ path: field, message: 'validation.choice' }])
  })

  it.each([
    [repaymentSchema, repayment, 'accountId', 'validation.required'],
    [repaymentSchema, repayment, 'targetId', 'validation.required'],
    [repaymentSchema, repayment, 'amount', 'validation.amount'],
    [repaymentSchema, repayment, 'date', 'validation.date'],
    [orderSchema, order, 'amount', 'validation.amount'],
    [orderSchema, order, 'instalmentCount', 'validation.instalments'],
    [drawSchema, draw, 'termMonths', 'validation.termMonths'],
    [accountSchema, cashLine, 'kind', 'validation.choice'],
    [inquirySchema, inquiry, 'id', 'validation.required'],
    // Fields without a message of their own fall back to the generic key.
    [accountSchema, cashLine, 'archived', 'validation.invalid'],
    [drawSchema, draw, 'notes', 'validation.invalid']
  ] as const)('reports a missing field (%#: %s -> %s)', (schema, valid, field, message) => {
    expect(issuesOf(schema, withoutKey(valid, field))).toContainEqual({ path: field, message })
  })

  it('reports wrong types', () => {
    expect(issuesOf(accountSchema, { ...cashLine, archived: 'no' })).toEqual([{ path: 'archived', message: 'validation.invalid' }])
    expect(issuesOf(accountSchema, { ...huabei, statementDay: '1' })).toEqual([{ path: 'statementDay', message: 'validation.dayOfMonth' }])
    expect(issuesOf(repaymentSchema, { ...repayment, targetId: 42 })).toEqual([{ path: 'targetId', message: 'validation.required' }])
  })

  it('rejects something that is not a record at all with an empty path', () => {
    expect(issuesOf(orderSchema, null)).toEqual([{ path: '', message: 'validation.invalid' }])
    expect(issuesOf(orderSchema, 'order')).toEqual([{ path: '', message: 'validation.invalid' }])
  })

  it('reports every broken field at once', () => {
    const issues = issuesOf(orderSchema, { ...order, amount: 0, merchant: '', status: 'lost' })
    expect(issues).toHaveLength(3)
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'amount', message: 'validation.amountPositive' },
        { path: 'merchant', message: 'validation.required' },
        { path: 'status', message: 'validation.choice' }
      ])
    )
  })
})

describe('hard inquiries', () => {
  it('count approvals and guarantee reviews, not post-loan checks or self queries', () => {
    expect([...HARD_INQUIRY_REASONS].sort()).toEqual(['cardApproval', 'guaranteeReview', 'loanApproval'])
  })
})
