// Owns the record types and their zod schemas: the one validation used by forms, store, import and restore.
import { z } from 'zod'
import { isIsoDate, addMonths } from './calendar'
import { MAX_FEN } from './money'

export const ACCOUNT_KINDS = ['cashLoanLine', 'bnplStatement', 'payLaterOrder', 'creditCard', 'termLoan', 'other'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]
export const REPORTS_TO_CREDIT = ['yes', 'no', 'unknown'] as const
export type ReportsToCredit = (typeof REPORTS_TO_CREDIT)[number]
export const DRAW_CHANNELS = ['app', 'merchantQr', 'other'] as const
export type DrawChannel = (typeof DRAW_CHANNELS)[number]
export const REPAYMENT_METHODS = ['flexible', 'equalInstalment', 'equalPrincipal', 'interestOnly', 'feeInstalment'] as const
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number]
export const RATE_UNITS = ['daily', 'monthlyFee', 'annual'] as const
export type RateUnit = (typeof RATE_UNITS)[number]
export const ORDER_STATUSES = ['unpaid', 'paid', 'refunded', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const REPAYMENT_TARGETS = ['draw', 'order', 'statement'] as const
export type RepaymentTarget = (typeof REPAYMENT_TARGETS)[number]
export const INQUIRY_REASONS = ['loanApproval', 'cardApproval', 'guaranteeReview', 'postLoan', 'selfQuery'] as const
export type InquiryReason = (typeof INQUIRY_REASONS)[number]
/**
 * The order a repayment is applied in (DOMAIN.md, "Repayment order"). costsFirst: fees, penalty
 * and interest of everything due before any principal, oldest first within each (loans: fees,
 * penalty interest, interest, principal of the overdue periods; statement accounts: fees and
 * interest, then the oldest bill). oldestFirst: the oldest period (or bill) in full, costs then
 * principal, before the next one.
 */
export const REPAYMENT_ORDERS = ['costsFirst', 'oldestFirst'] as const
export type RepaymentOrder = (typeof REPAYMENT_ORDERS)[number]
/**
 * How a statement account charges revolving interest (循环利息) on a bill not paid in full by its
 * due day (DOMAIN.md, "Statement credit"): on the whole bill from each purchase's posting date
 * (全额计息, many credit cards), on the unpaid part from the posting date, or on the unpaid part
 * from the day after the due day (花呗-style products, as commonly described).
 */
export const REVOLVING_METHODS = ['fullFromPosting', 'unpaidFromPosting', 'unpaidFromDueNext'] as const
export type RevolvingMethod = (typeof REVOLVING_METHODS)[number]
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Kinds that lend cash in draws, and kinds that finance purchases as orders. */
export const DRAW_ACCOUNT_KINDS: readonly AccountKind[] = ['cashLoanLine', 'termLoan', 'creditCard', 'other']
export const ORDER_ACCOUNT_KINDS: readonly AccountKind[] = ['bnplStatement', 'payLaterOrder', 'creditCard', 'other']
/** Kinds billed on a statement day and due on a due day. */
export const STATEMENT_KINDS: readonly AccountKind[] = ['bnplStatement', 'creditCard']

/**
 * Plausible upper bounds of a quoted rate. Above them the figure is almost surely a typo
 * (0.5 typed for 0.05% a day is 182% a year); zero is allowed for interest-free coupons.
 */
export const RATE_LIMITS: Record<RateUnit, number> = { daily: 0.001, monthlyFee: 0.02, annual: 0.36 }

// Messages are i18n keys; the UI and the store's error text translate them.
const id = z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(64)
const isoDate = z.string({ error: 'validation.date' }).refine(isIsoDate, { error: 'validation.date' })
const positiveFen = z
  .number({ error: 'validation.amount' })
  .refine(Number.isSafeInteger, { error: 'validation.amountFen' })
  .refine((v) => v > 0, { error: 'validation.amountPositive' })
  .refine((v) => v <= MAX_FEN, { error: 'validation.amountTooLarge' })
const nonNegativeFen = z
  .number({ error: 'validation.amount' })
  .refine(Number.isSafeInteger, { error: 'validation.amountFen' })
  .refine((v) => v >= 0, { error: 'validation.amountNonNegative' })
  .refine((v) => v <= MAX_FEN, { error: 'validation.amountTooLarge' })
const text = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' })
const requiredText = (max: number) => text(max).min(1, { error: 'validation.required' })
const dayOfMonth = z
  .number({ error: 'validation.dayOfMonth' })
  .int({ error: 'validation.dayOfMonth' })
  .min(1, { error: 'validation.dayOfMonth' })
  .max(31, { error: 'validation.dayOfMonth' })

/** The terms of a statement account's bills: every figure a per-account setting, with a preset per product (account-terms.ts). */
export const statementTermsSchema = z.object({
  /** The minimum payment's share of the ordinary balance within the limit, in percent (BANK/PRODUCT: 10). */
  minimumPercent: z
    .number({ error: 'validation.terms.minimumPercent' })
    .min(1, { error: 'validation.terms.minimumPercent' })
    .max(100, { error: 'validation.terms.minimumPercent' }),
  /** Revolving interest per day as a plain decimal (0.0005 for the traditional 0.05%). */
  revolvingDailyRate: z
    .number({ error: 'validation.terms.revolvingRate' })
    .min(0, { error: 'validation.terms.revolvingRate' })
    .max(RATE_LIMITS.daily, { error: 'validation.terms.revolvingRate' }),
  revolvingMethod: z.enum(REVOLVING_METHODS, { error: 'validation.choice' }),
  /** Days after the due day that still count as on time (BANK: often 3 for cards). */
  graceDays: z
    .number({ error: 'validation.terms.graceDays' })
    .int({ error: 'validation.terms.graceDays' })
    .min(0, { error: 'validation.terms.graceDays' })
    .max(10, { error: 'validation.terms.graceDays' }),
  /** 违约金: percent of the unpaid minimum, charged once when a bill is paid below its minimum (BANK: 5 for cards; 0 for BNPL). */
  lateFeePercent: z
    .number({ error: 'validation.terms.lateFeePercent' })
    .min(0, { error: 'validation.terms.lateFeePercent' })
    .max(20, { error: 'validation.terms.lateFeePercent' })
})
export type StatementTerms = z.infer<typeof statementTermsSchema>

export const accountSchema = z
  .object({
    id,
    name: requiredText(40),
    kind: z.enum(ACCOUNT_KINDS, { error: 'validation.choice' }),
    creditLimit: nonNegativeFen.nullable(),
    statementDay: dayOfMonth.nullable(),
    dueDay: dayOfMonth.nullable(),
    payLaterWindowDays: z
      .number({ error: 'validation.windowDays' })
      .int({ error: 'validation.windowDays' })
      .min(1, { error: 'validation.windowDays' })
      .max(90, { error: 'validation.windowDays' })
      .nullable(),
    reportsToCredit: z.enum(REPORTS_TO_CREDIT, { error: 'validation.choice' }),
    reportName: text(60),
    penaltyMultiplier: z
      .number({ error: 'validation.penaltyMultiplier' })
      .min(1, { error: 'validation.penaltyMultiplier' })
      .max(3, { error: 'validation.penaltyMultiplier' }),
    notes: text(500),
    archived: z.boolean(),
    repaymentOrder: z.enum(REPAYMENT_ORDERS, { error: 'validation.choice' }),
    /** Statement accounts only (null elsewhere). */
    statementTerms: statementTermsSchema.nullable(),
    /**
     * Whether it counts as an online lender (网贷) in the mortgage checks. Left out, its kind decides
     * (risk/context.ts ONLINE_LENDER_KINDS); set, it overrides the kind (a bank's app loan kept as a
     * cash line, or a small-loan firm's product kept as 'other'). Optional: older records lack it.
     */
    onlineLender: z.boolean().optional()
  })
  .superRefine((a, ctx) => {
    if (STATEMENT_KINDS.includes(a.kind)) {
      if (a.statementDay === null) ctx.addIssue({ code: 'custom', path: ['statementDay'], message: 'validation.required' })
      if (a.dueDay === null) ctx.addIssue({ code: 'custom', path: ['dueDay'], message: 'validation.required' })
      if (a.statementTerms === null) ctx.addIssue({ code: 'custom', path: ['statementTerms'], message: 'validation.required' })
    } else if (a.statementTerms !== null) ctx.addIssue({ code: 'custom', path: ['statementTerms'], message: 'validation.terms.notStatement' })
    if (a.kind === 'payLaterOrder' && a.payLaterWindowDays === null)
      ctx.addIssue({ code: 'custom', path: ['payLaterWindowDays'], message: 'validation.required' })
  })
export type Account = z.infer<typeof accountSchema>

export const drawSchema = z
  .object({
    id,
    accountId: id,
    principal: positiveFen,
    drawDate: isoDate,
    channel: z.enum(DRAW_CHANNELS, { error: 'validation.choice' }),
    method: z.enum(REPAYMENT_METHODS, { error: 'validation.choice' }),
    rateUnit: z.enum(RATE_UNITS, { error: 'validation.choice' }),
    /** The quoted rate as a plain decimal: 0.0003 for 0.03% a day. */
    rate: z.number({ error: 'validation.rate' }).refine(Number.isFinite, { error: 'validation.rate' }),
    termMonths: z
      .number({ error: 'validation.termMonths' })
      .int({ error: 'validation.termMonths' })
      .min(1, { error: 'validation.termMonths' })
      .max(360, { error: 'validation.termMonths' }),
    firstDueDate: isoDate,
    upfrontFee: nonNegativeFen,
    notes: text(500)
  })
  .superRefine((d, ctx) => {
    if (d.rate < 0 || d.rate > RATE_LIMITS[d.rateUnit])
      ctx.addIssue({ code: 'custom', path: ['rate'], message: `validation.rateRange.${d.rateUnit}` })
    if ((d.method === 'feeInstalment') !== (d.rateUnit === 'monthlyFee'))
      ctx.addIssue({ code: 'custom', path: ['rateUnit'], message: 'validation.rateUnitMethod' })
    if (isIsoDate(d.drawDate) && isIsoDate(d.firstDueDate)) {
      if (d.firstDueDate <= d.drawDate)
        ctx.addIssue({ code: 'custom', path: ['firstDueDate'], message: 'validation.firstDueAfterDraw' })
      else if (d.firstDueDate > addMonths(d.drawDate, d.termMonths))
        ctx.addIssue({ code: 'custom', path: ['firstDueDate'], message: 'validation.firstDueWithinTerm' })
    }
    if (d.upfrontFee > 0 && d.upfrontFee >= d.principal)
      ctx.addIssue({ code: 'custom', path: ['upfrontFee'], message: 'validation.feeBelowPrincipal' })
  })
export type Draw = z.infer<typeof drawSchema>

export const orderSchema = z
  .object({
    id,
    accountId: id,
    merchant: requiredText(60),
    item: text(100),
    amount: positiveFen,
    orderDate: isoDate,
    dueDate: isoDate,
    /** 1 means paid in one go; 3, 6, 12... an instalment plan. */
    instalmentCount: z
      .number({ error: 'validation.instalments' })
      .int({ error: 'validation.instalments' })
      .min(1, { error: 'validation.instalments' })
      .max(36, { error: 'validation.instalments' }),
    /** Monthly fee on the original amount, as a decimal (0.006 for 0.6%). */
    instalmentFeeRate: z
      .number({ error: 'validation.rate' })
      .min(0, { error: 'validation.rateRange.monthlyFee' })
      .max(RATE_LIMITS.monthlyFee, { error: 'validation.rateRange.monthlyFee' }),
    status: z.enum(ORDER_STATUSES, { error: 'validation.choice' }),
    externalOrderNo: text(64),
    notes: text(500)
  })
  .superRefine((o, ctx) => {
    if (isIsoDate(o.orderDate) && isIsoDate(o.dueDate) && o.dueDate < o.orderDate)
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'validation.dueBeforeOrder' })
    if (o.instalmentCount === 1 && o.instalmentFeeRate !== 0)
      ctx.addIssue({ code: 'custom', path: ['instalmentFeeRate'], message: 'validation.feeWithoutInstalments' })
  })
export type Order = z.infer<typeof orderSchema>

export const repaymentSchema = z
  .object({
    id,
    /** The account the money went to; for a statement repayment also its target. */
    accountId: id,
    targetType: z.enum(REPAYMENT_TARGETS, { error: 'validation.choice' }),
    targetId: id,
    date: isoDate,
    amount: positiveFen,
    note: text(200),
    /**
     * Statement repayments only: the statement date of the bill it pays ("主动还款 9 月账单"), which
     * takes it first; the rest follows the account's repayment order. Absent: the account's order.
     */
    bill: isoDate.optional()
  })
  .superRefine((r, ctx) => {
    if (r.bill !== undefined && r.targetType !== 'statement') ctx.addIssue({ code: 'custom', path: ['bill'], message: 'validation.billOnStatementOnly' })
  })
export type Repayment = z.infer<typeof repaymentSchema>

/**
 * 账单分期: part or all of one bill turned into `count` monthly periods at a monthly fee on the
 * original amount (DOMAIN.md). The amount leaves that bill; each period (principal + fee) lands on
 * one of the following bills.
 */
export const billInstalmentSchema = z.object({
  id,
  accountId: id,
  /** The bill converted, by its statement date. */
  statementDate: isoDate,
  /** The day the plan was set up: on or after the statement date. */
  date: isoDate,
  amount: positiveFen,
  count: z
    .number({ error: 'validation.billInstalment.count' })
    .int({ error: 'validation.billInstalment.count' })
    .min(2, { error: 'validation.billInstalment.count' })
    .max(36, { error: 'validation.billInstalment.count' }),
  /** Monthly fee on the original amount, as a decimal (0.006 for 0.6%). */
  feeRate: z
    .number({ error: 'validation.rate' })
    .min(0, { error: 'validation.rateRange.monthlyFee' })
    .max(RATE_LIMITS.monthlyFee, { error: 'validation.rateRange.monthlyFee' }),
  notes: text(200)
})
  .superRefine((b, ctx) => {
    if (isIsoDate(b.statementDate) && isIsoDate(b.date) && b.date < b.statementDate)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'validation.billInstalment.beforeStatement' })
  })
export type BillInstalment = z.infer<typeof billInstalmentSchema>

/** Figures typed from a lender's printed bill, which win over the ledger's own estimate: for now its minimum payment. */
export const billFigureSchema = z.object({
  id,
  accountId: id,
  statementDate: isoDate,
  /** The printed minimum payment (最低还款额); null leaves the account's rule in charge. */
  minimum: nonNegativeFen.nullable(),
  notes: text(200)
})
export type BillFigure = z.infer<typeof billFigureSchema>

export const inquirySchema = z.object({
  id,
  date: isoDate,
  institution: requiredText(60),
  reason: z.enum(INQUIRY_REASONS, { error: 'validation.choice' }),
  notes: text(200)
})
export type Inquiry = z.infer<typeof inquirySchema>

export const profileSchema = z.object({
  monthlyIncome: nonNegativeFen.nullable(),
  mortgageDate: isoDate.nullable(),
  mortgageAmount: nonNegativeFen.nullable(),
  language: z.enum(LANGUAGES, { error: 'validation.choice' })
})
export type Profile = z.infer<typeof profileSchema>

export const DEFAULT_PROFILE: Profile = { monthlyIncome: null, mortgageDate: null, mortgageAmount: null, language: 'zh-CN' }

/** Hard inquiries are the ones a lender holds against you (DOMAIN.md, 征信). */
export const HARD_INQUIRY_REASONS: readonly InquiryReason[] = ['loanApproval', 'cardApproval', 'guaranteeReview']

export interface Ledger {
  accounts: Account[]
  draws: Draw[]
  orders: Order[]
  repayments: Repayment[]
  inquiries: Inquiry[]
  billInstalments: BillInstalment[]
  billFigures: BillFigure[]
}

export const RECORD_TYPES = ['accounts', 'draws', 'orders', 'repayments', 'inquiries', 'billInstalments', 'billFigures'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

export const recordSchemas = {
  accounts: accountSchema,
  draws: drawSchema,
  orders: orderSchema,
  repayments: repaymentSchema,
  inquiries: inquirySchema,
  billInstalments: billInstalmentSchema,
  billFigures: billFigureSchema
} as const

/** A validation problem: the field's path and an i18n message key. */
export interface FieldIssue {
  path: string
  message: string
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

export function check<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message.startsWith('validation.') ? i.message : 'validation.invalid'
    }))
  }
}
