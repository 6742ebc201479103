// Owns the cost engine's contract: offers, schedules, APR results and per-record costs, shared by the engine, the CLI and the UI.
import type { IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { FieldIssue, RateUnit, RepaymentMethod } from '../records'

/** An offer as the lender quotes it: what the calculator takes, and what a draw is. */
export interface Offer {
  principal: Fen
  method: RepaymentMethod
  rateUnit: RateUnit
  /** Plain decimal: 0.0003 for 0.03% a day, 0.006 for a 0.6% monthly fee, 0.072 for 7.2% a year. */
  rate: number
  termMonths: number
  /** The day the money arrives. */
  startDate: IsoDate
  /** Defaults to startDate + 1 month. */
  firstDueDate?: IsoDate
  /** Paid at the start (deducted from or added to what is received); counts in the real APR. */
  upfrontFee?: Fen
}

export interface SchedulePeriod {
  /** 1-based. */
  index: number
  dueDate: IsoDate
  /** Days of interest in this period (from the previous due date, or the start). */
  days: number
  principal: Fen
  interest: Fen
  /** Instalment fee of this period (分期 fee on the original amount); 0 for interest-bearing methods. */
  fee: Fen
  payment: Fen
  /** Principal still out after this payment. */
  balanceAfter: Fen
}

export interface Schedule {
  periods: SchedulePeriod[]
  totalPrincipal: Fen
  totalInterest: Fen
  /** Instalment fees plus the up-front fee. */
  totalFees: Fen
  /** Everything paid back: principal + interest + fees (the up-front fee included). */
  totalPayment: Fen
  /** True where the lender's exact algorithm is unknown (daily-rate instalments): the UI labels the figures as estimates. */
  estimate: boolean
}

export interface AprResult {
  /** The internal rate of return per period (a month for schedules, a day for dated flows). */
  periodRate: number
  /** periodRate x periods per year: the PBoC "单利" figure. */
  aprSimple: number
  /** (1 + periodRate)^(periods per year) - 1. */
  aprCompound: number
}

/** The rate as the lender advertises it, annualised naively: daily x 365, monthly fee x 12, annual as is. */
export type NaiveRate = number

export interface OfferResult {
  schedule: Schedule
  apr: AprResult
  naiveRate: NaiveRate
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

/** A cash flow seen from the borrower: positive when money is received, negative when paid. */
export interface DatedFlow {
  date: IsoDate
  amount: Fen
}

/** What one draw costs, from its actual repayments, as of a day. */
export interface DrawCost {
  /** Everything repaid on it to date. */
  repaid: Fen
  /** Interest paid to date (the part of repayments that was not principal, fees or penalty). */
  interestPaid: Fen
  /** Fees paid to date, the up-front fee included. */
  feesPaid: Fen
  /** Penalty interest paid to date. */
  penaltyPaid: Fen
  /** Interest, fees and penalty accrued and not yet paid. */
  accruedUnpaid: Fen
  principalOutstanding: Fen
  /** What it would take to clear the draw today. */
  owedToday: Fen
  /** Interest and fees still to come if the schedule is followed to the end (0 when cleared). */
  projectedCostToPayoff: Fen
  /** Paid + accrued + projected: the draw's whole cost. */
  totalCost: Fen
  /** Real APR of the draw's flows so far plus the projected ones; null when not computable (nothing borrowed yet). */
  apr: AprResult | null
  naiveRate: NaiveRate
  /** In arrears: since the oldest unpaid due date, the penalty accrued, and what clears the arrears today (penalty included). */
  overdue: { since: IsoDate; days: number; penaltyAccrued: Fen; amount: Fen } | null
  estimate: boolean
  cleared: boolean
}

/** Cash flows of one record or account, borrower's view (received positive, paid negative), on day numbers: what its real APR is solved from. */
export interface DatedFlows {
  amounts: number[]
  days: number[]
}

/**
 * Where a walk reports on which days cost arises and principal moves, so ledger-cost.ts can bucket
 * them by month. Days are day numbers (dates.ts dayNumber); spans are half-open.
 */
export interface CostSink {
  interest(from: number, to: number, perDay: number): void
  penalty(from: number, to: number, perDay: number): void
  fee(day: number, amount: Fen): void
  principal(day: number, delta: Fen): void
}

/** One period of a draw's or a 分期 plan's schedule as it stands, with what was paid and where it is. */
export interface PeriodRow {
  /** 1-based. */
  index: number
  dueDate: IsoDate
  principal: Fen
  interest: Fen
  fee: Fen
  payment: Fen
  /** Of principal, interest and fee. */
  paid: Fen
  /** Penalty accrued on it and not paid, and paid. */
  penalty: Fen
  penaltyPaid: Fen
  status: 'paid' | 'partlyPaid' | 'due' | 'overdue' | 'upcoming'
  paidOn: IsoDate | null
}

/** How one repayment was applied. */
export interface RepaymentSplit {
  repaymentId: string
  principal: Fen
  interest: Fen
  fees: Fen
  penalty: Fen
}

/** A due date (a draw's period, a bill, an order) that passed without the payment it needed: what a late month on the report is made of. */
export interface LateEvent {
  accountId: string
  dueDate: IsoDate
  /** What was still unpaid (a bill: short of its minimum) at the end of the due date, or of the grace. */
  shortfall: Fen
  records: { type: 'draw' | 'order'; id: string }[]
}

export type EffectiveOrderStatus = 'unpaid' | 'partlyPaid' | 'paid' | 'refunded' | 'cancelled'

/** What one pay-later order costs as of a day. */
export interface OrderCost {
  /** Instalment fees paid to date. */
  feesPaid: Fen
  /** Fees still to come on the instalment plan. */
  feesToCome: Fen
  /** What the ledger takes to clear it today (a 分期 plan: every period still to come, fees included); an overdue penalty is apart. */
  owed: Fen
  /** Paid on it so far (directly, or by bill payments on a statement account). */
  paid: Fen
  principalOutstanding: Fen
  status: EffectiveOrderStatus
  /** Overdue on its own (orders on accounts without bills; a bill's lateness is the bill's): the penalty is the ledger's estimate, the platform decides. */
  overdue: { since: IsoDate; days: number; penaltyAccrued: Fen } | null
  /** Real APR of an instalment plan (null for a single payment: it is interest-free when paid on time). */
  apr: AprResult | null
  naiveRate: NaiveRate | null
}

/** Interest, fees and penalty charged in a calendar month, by account: what the cost chart stacks. */
export interface MonthlyCost {
  month: string
  byAccount: Record<string, { interest: Fen; fees: Fen; penalty: Fen }>
  total: Fen
}

/** Principal still out at the end of each month, by account. */
export interface MonthlyBalance {
  month: string
  byAccount: Record<string, Fen>
  total: Fen
}

export interface EarlyPayoff {
  /** What it takes to clear the draw on that day. */
  payoffAmount: Fen
  /** What the early payment comes to: the amount asked for, or payoffAmount when that is less (or no amount was given). */
  amountApplied: Fen
  /** Interest and fees that following the schedule would still have cost. */
  costIfKept: Fen
  /** Interest and fees from that day on if amountApplied is paid then: all of it on a payoff, and for a partial prepayment the accrued part plus the rest kept to schedule. */
  costIfPaidOff: Fen
  /** costIfKept - costIfPaidOff, never negative. */
  interestSaved: Fen
}

/** One account's figures in LedgerCost. */
export interface AccountCost {
  /** Interest, fees and penalty paid and accrued to date. */
  costToDate: Fen
  /** Interest and fees still to come if every draw and plan is followed to the end. */
  projected: Fen
  /** Everything owed today: draws as they would be cleared today, orders and bills (分期 periods still to come included). */
  owed: Fen
  /** Principal still out (the limit's use). */
  principalOutstanding: Fen
  /** Everything repaid to the account to date. */
  repaid: Fen
  /**
   * Real APR of all the account's flows together: money received on each draw and order, what was
   * repaid, and what is still to pay (owed today, or on its due date as scheduled), as each draw's
   * apr counts them. Interest-free orders paid on time count at no cost, so they pull it towards
   * zero. Null when it cannot be solved (no counted records).
   */
  apr: AprResult | null
}
