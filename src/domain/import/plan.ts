// Owns deciding what each bill row becomes: a pay-later order, a repayment, a refund or cancellation of an order, a duplicate of what is stored, or nothing (and why).
import { defaultOrderDueDate, statementDateOfIndex } from '../due-dates'
import { formatFen, type Fen } from '../money'
import { ORDER_ACCOUNT_KINDS, STATEMENT_KINDS, type Account, type Ledger, type Order, type Repayment } from '../records'
import { monthIndex, monthIndexOf, monthOfIndex, yearOfIndex, type IsoDate } from '../calendar'
import { sha256HexSync } from './digest'
import { creditProduct, instalmentsOf, repaymentOf, type CreditProduct } from './products'
import { SOURCE_FORMATS } from './sources'
import type { BillRow, BillSource } from './types'

export const IGNORE_REASONS = [
  'notCredit',
  'income',
  'transfer',
  'failed',
  'notPaidYet',
  'zeroAmount',
  'loanRepayment',
  'refundNotCredit',
  'refundNoOrder',
  'repaymentNoOrder',
  'productSkipped'
] as const
export type IgnoreReason = (typeof IGNORE_REASONS)[number]
export const DUPLICATE_REASONS = ['orderExists', 'repaymentExists', 'refundApplied', 'alreadyClosed', 'sameInBatch'] as const
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number]

export type PlanAction = 'order' | 'repayment' | 'refund' | 'cancel' | 'none'
/** new: creates a record; update: changes a stored order; needsAccount: waits for the user to map its product. */
export type PlanState = 'new' | 'update' | 'duplicate' | 'ignored' | 'needsAccount'

/** A refund or cancellation: all of the order (amount null) or part of it, remembered on the order under `key`. */
export interface RefundEffect {
  kind: 'refund' | 'cancel'
  amount: Fen | null
  key: string
  date: string
}

export interface PlanRow {
  /** Unique in the batch: file position and line. */
  key: string
  row: BillRow
  action: PlanAction
  state: PlanState
  reason: IgnoreReason | DuplicateReason | null
  product: CreditProduct | null
  accountId: string | null
  /** 'order' rows: the order to create (new) or the stored one it repeats (duplicate). */
  order: Order | null
  repayment: Repayment | null
  /** refund, cancel and repayments of single orders: the order they belong to (a plan row's key, or a stored order as 'stored:<id>'). */
  target: string | null
  /** refund and cancel rows, and an order row that reports its own refund: what happens to the order. */
  effect: RefundEffect | null
}

/** The user's answer for a product name: an account id, or SKIP_PRODUCT to leave its rows out. */
export const SKIP_PRODUCT = 'skip'

export interface PlanInput {
  rows: readonly BillRow[]
  existing: Pick<Ledger, 'accounts' | 'orders' | 'repayments'>
  /** Remembered and chosen accounts per product name. */
  choices: ReadonlyMap<string, string>
  /** Ids for new orders (random in the app, counted in tests). */
  newId: () => string
}

export const storedRef = (orderId: string) => `stored:${orderId}`
export const storedIdOf = (ref: string) => (ref.startsWith('stored:') ? ref.slice('stored:'.length) : null)

/** The line an order's notes keep of the merchant's order number: a later refund row finds its order by it. */
const MERCHANT_NO_LINE = /(?:商家订单号|商户单号|商家单号): (\S+)/

function merchantNoLine(source: BillSource, no: string): string {
  return `${SOURCE_FORMATS[source].columns.merchantOrderNo ?? '商家订单号'}: ${no}`
}

/** What an order's notes keep of a refund or closing, in the bill's words; its key makes a second import of the same row a duplicate. */
export function refundLine(effect: RefundEffect): string {
  const what = effect.kind === 'cancel' ? '交易关闭' : `退款 ${effect.amount === null ? '全额' : formatFen(effect.amount)}`
  return `${what} (${effect.date}, ${effect.key})`
}

/** The longest key a record's field holds (externalOrderNo, an id). */
const MAX_KEY = 64

/**
 * A trade number as the ledger keeps it: as it is when it fits, else its first 23 characters, '~'
 * and 40 hex digits of its SHA-256. Never cut short: two numbers that share their first 64
 * characters stay two orders.
 */
export function tradeKey(no: string): string {
  return no.length <= MAX_KEY ? no : `${no.slice(0, 23)}~${sha256HexSync(no).slice(0, 40)}`
}

/** The row's identity in its source: its trade number, or a digest of everything it says. */
function rowKeyOf(row: BillRow): string {
  if (row.tradeNo !== '') return row.tradeNo
  return `${row.source}-${row.date}-${row.amount}-${sha256HexSync(`${row.time}|${row.counterparty}|${row.item}|${row.method}|${row.merchantOrderNo}|${row.type}|${row.status}`).slice(0, 20)}`
}

/** A repayment's id comes from its trade number, so importing the same bill again finds it stored. */
export function importedRepaymentId(row: BillRow): string {
  const key = rowKeyOf(row)
  const id = `imp-${row.source}-${key}`
  return id.length <= MAX_KEY ? id : `imp-${row.source}-${key.slice(0, 10)}~${sha256HexSync(key).slice(0, 40)}`
}

/** The number an imported order keeps in externalOrderNo, and a refund its note key. */
function externalNoOf(row: BillRow): string {
  return tradeKey(rowKeyOf(row))
}

/** Meituan has no counterparty column; its titles read "美团外卖-黄焖鸡米饭", the part before the dash being the business. */
function merchantOf(row: BillRow): string {
  if (row.counterparty !== '') return row.counterparty
  const head = row.item.split(/[-－—]/)[0]?.trim() ?? ''
  return head || row.item || SOURCE_FORMATS[row.source].label
}

function isFailed(status: string): boolean {
  return /失败|撤销|已取消|未支付|支付中/.test(status)
}

function isUnpaid(status: string): boolean {
  return /待付款|等待付款|待支付|未付款/.test(status)
}

function isClosed(status: string): boolean {
  return /关闭/.test(status)
}

function isRefundRow(row: BillRow): boolean {
  if (row.direction === 'out') return false
  return /退款/.test(`${row.status} ${row.type} ${row.item}`)
}

function orderAccount(accounts: ReadonlyMap<string, Account>, id: string | undefined): Account | null {
  if (id === undefined) return null
  const account = accounts.get(id)
  return account && !account.archived && ORDER_ACCOUNT_KINDS.includes(account.kind) ? account : null
}

/** A stored order can still be refunded or cancelled. */
function open(order: Order): boolean {
  return order.status === 'unpaid' || order.status === 'paid'
}

/**
 * Decides every row. Orders are matched first (bills list the newest first, so a refund comes
 * above its purchase), then refunds and repayments find the order they belong to among the
 * batch's orders and the stored ones. Nothing here writes or checks the whole ledger: see
 * review.ts for what the chosen rows would do to it.
 */
export function planImport(input: PlanInput): PlanRow[] {
  const { rows, existing, choices, newId } = input
  const accounts = new Map(existing.accounts.map((a) => [a.id, a]))
  const storedByNo = new Map<string, Order>()
  const storedByMerchantNo = new Map<string, Order>()
  for (const o of existing.orders) {
    if (o.externalOrderNo !== '') storedByNo.set(o.externalOrderNo, o)
    const m = MERCHANT_NO_LINE.exec(o.notes)
    if (m) storedByMerchantNo.set(m[1]!, o)
  }
  const storedRepayments = new Set(existing.repayments.map((r) => r.id))

  const plan: PlanRow[] = rows.map((row) => ({
    key: `${row.fileIndex}:${row.line}`,
    row,
    action: 'none',
    state: 'ignored',
    reason: null,
    product: null,
    accountId: null,
    order: null,
    repayment: null,
    target: null,
    effect: null
  }))
  const ignore = (p: PlanRow, reason: IgnoreReason) => {
    p.state = 'ignored'
    p.reason = reason
  }
  const duplicate = (p: PlanRow, reason: DuplicateReason) => {
    p.state = 'duplicate'
    p.reason = reason
  }
  /** The product's account: null with the row put on hold (no answer yet) or left out (skipped). */
  const accountFor = (p: PlanRow, product: CreditProduct): Account | null => {
    p.product = product
    const choice = choices.get(product.name)
    if (choice === SKIP_PRODUCT) {
      ignore(p, 'productSkipped')
      return null
    }
    const account = orderAccount(accounts, choice)
    if (!account) {
      p.state = 'needsAccount'
      p.reason = null
      return null
    }
    p.accountId = account.id
    return account
  }

  // Pass 1: purchases.
  const batchByNo = new Map<string, PlanRow>()
  const batchByMerchantNo = new Map<string, PlanRow>()
  const rest: PlanRow[] = []
  for (const p of plan) {
    const { row } = p
    if (row.amount === 0) {
      ignore(p, 'zeroAmount')
      continue
    }
    const product = creditProduct(row.method)
    if (isRefundRow(row) || repaymentOf(row.type, row.item, row.counterparty) !== null || !product || row.direction !== 'out') {
      rest.push(p)
      continue
    }
    if (isFailed(row.status)) {
      ignore(p, 'failed')
      continue
    }
    if (isUnpaid(row.status)) {
      ignore(p, 'notPaidYet')
      continue
    }
    p.action = 'order'
    p.product = product
    const no = externalNoOf(row)
    const closing: RefundEffect | null = isClosed(row.status)
      ? { kind: 'cancel', amount: null, key: `${no}·关闭`, date: row.date }
      : row.rowRefund
        ? { kind: 'refund', amount: row.rowRefund.full ? null : row.rowRefund.amount, key: `${no}·${row.rowRefund.full ? '全额' : row.rowRefund.amount}`, date: row.date }
        : null
    const earlier = batchByNo.get(no)
    if (earlier) {
      duplicate(p, 'sameInBatch')
      p.order = earlier.order
      p.accountId = earlier.accountId
      continue
    }
    batchByNo.set(no, p)
    if (row.merchantOrderNo !== '' && !batchByMerchantNo.has(row.merchantOrderNo)) batchByMerchantNo.set(row.merchantOrderNo, p)
    const stored = storedByNo.get(no)
    if (stored) {
      p.order = stored
      p.accountId = stored.accountId
      p.product = product
      if (closing && open(stored) && !stored.notes.includes(closing.key)) {
        // Closed or refunded since it was imported: the stored order follows.
        p.action = closing.kind
        p.state = 'update'
        p.target = storedRef(stored.id)
        p.effect = closing
      } else duplicate(p, 'orderExists')
      continue
    }
    const account = accountFor(p, product)
    if (!account) continue
    const instalments = instalmentsOf(row.method)
    const merchantNo = row.merchantOrderNo !== '' && row.merchantOrderNo !== row.tradeNo ? merchantNoLine(row.source, row.merchantOrderNo) : ''
    p.state = 'new'
    p.order = {
      id: newId(),
      accountId: account.id,
      merchant: merchantOf(row).slice(0, 60),
      item: row.item.slice(0, 100),
      amount: row.amount,
      orderDate: row.date,
      dueDate: defaultOrderDueDate(account, row.date),
      instalmentCount: instalments,
      instalmentFeeRate: 0,
      status: closing?.amount === null ? (closing.kind === 'cancel' ? 'cancelled' : 'refunded') : 'unpaid',
      externalOrderNo: no,
      notes: [merchantNo, row.note.slice(0, 200)].filter(Boolean).join('\n')
    }
    // A partial refund the row reports is applied with the batch's refund rows (review.ts).
    if (closing && closing.amount !== null) p.effect = closing
  }

  // Pass 2: refunds, repayments and everything else.
  const seenRefunds = new Set<string>()
  const seenRepayments = new Set<string>()
  const cardNames = new Set([...plan.filter((p) => p.product?.kind === 'creditCard').map((p) => p.product!.name), ...choices.keys()])
  for (const p of rest) {
    const { row } = p
    if (isRefundRow(row)) {
      if (isFailed(row.status)) {
        ignore(p, 'failed')
        continue
      }
      const target = findOrder(row, batchByNo, batchByMerchantNo, storedByNo, storedByMerchantNo)
      if (!target) {
        ignore(p, creditProduct(row.method) ? 'refundNoOrder' : 'refundNotCredit')
        continue
      }
      p.action = 'refund'
      const key = externalNoOf(row)
      p.effect = { kind: 'refund', amount: row.amount, key, date: row.date }
      if ('planRow' in target) {
        const order = target.planRow
        if (order.state === 'ignored' || order.state === 'needsAccount') {
          p.product = order.product
          p.state = order.state
          p.reason = order.reason
          continue
        }
        if (order.state === 'duplicate' || order.state === 'update') {
          // Its order is stored: the refund is an update of that order, unless already applied.
          p.product = order.product
          applyToStored(p, order.order!, key, seenRefunds, duplicate)
          continue
        }
        p.product = order.product
        p.accountId = order.accountId
        p.target = order.key
        if (seenRefunds.has(key)) duplicate(p, 'sameInBatch')
        else {
          seenRefunds.add(key)
          p.state = 'new'
        }
        continue
      }
      applyToStored(p, target.stored, key, seenRefunds, duplicate)
      continue
    }
    const repaid = repaymentOf(row.type, row.item, row.counterparty)
    if (repaid) {
      if (repaid.kind === 'loan') {
        ignore(p, 'loanRepayment')
        continue
      }
      if (isFailed(row.status) || isClosed(row.status)) {
        ignore(p, 'failed')
        continue
      }
      const product = resolveCard(repaid.product, cardNames)
      p.action = 'repayment'
      const id = importedRepaymentId(row)
      if (storedRepayments.has(id)) {
        p.product = product
        duplicate(p, 'repaymentExists')
        continue
      }
      if (seenRepayments.has(id)) {
        p.product = product
        duplicate(p, 'sameInBatch')
        continue
      }
      const account = accountFor(p, product)
      if (!account) continue
      let targetType: Repayment['targetType'] = 'statement'
      let targetId = account.id
      if (!STATEMENT_KINDS.includes(account.kind)) {
        // A single order's repayment: it names the order by the merchant's number.
        const target = findOrder(row, batchByNo, batchByMerchantNo, storedByNo, storedByMerchantNo)
        const order = target && ('planRow' in target ? (target.planRow.state === 'new' ? target.planRow : null) : target.stored)
        if (!order) {
          ignore(p, 'repaymentNoOrder')
          continue
        }
        targetType = 'order'
        if ('key' in order) {
          p.target = order.key
          targetId = order.order!.id
        } else {
          p.target = storedRef(order.id)
          targetId = order.id
        }
      }
      seenRepayments.add(id)
      p.state = 'new'
      // "主动还款 9 月账单": paid to the bill it names, which takes it first (statement.ts).
      const bill = targetType === 'statement' ? namedBill(`${row.type} ${row.item}`, row.date, account) : null
      p.repayment = {
        id,
        accountId: account.id,
        targetType,
        targetId,
        date: row.date,
        amount: row.amount,
        note: `${SOURCE_FORMATS[row.source].label} ${row.item || row.type}`.slice(0, 200),
        ...(bill ? { bill } : {})
      }
      continue
    }
    if (row.direction === 'in') ignore(p, 'income')
    else if (row.direction === 'none') ignore(p, 'transfer')
    else if (isFailed(row.status)) ignore(p, 'failed')
    else ignore(p, 'notCredit')
  }
  return plan
}

function applyToStored(p: PlanRow, stored: Order, key: string, seen: Set<string>, duplicate: (p: PlanRow, reason: DuplicateReason) => void): void {
  p.accountId = stored.accountId
  p.target = storedRef(stored.id)
  if (!open(stored)) duplicate(p, 'alreadyClosed')
  else if (stored.notes.includes(key)) duplicate(p, 'refundApplied')
  else if (seen.has(key)) duplicate(p, 'sameInBatch')
  else {
    seen.add(key)
    p.state = 'update'
  }
}

type FoundOrder = { planRow: PlanRow } | { stored: Order }

/**
 * The order a refund or repayment belongs to: the same merchant order number, or a trade number
 * its own begins with (refund numbers often extend the purchase's: "2026…7890_1").
 */
function findOrder(
  row: BillRow,
  batchByNo: ReadonlyMap<string, PlanRow>,
  batchByMerchantNo: ReadonlyMap<string, PlanRow>,
  storedByNo: ReadonlyMap<string, Order>,
  storedByMerchantNo: ReadonlyMap<string, Order>
): FoundOrder | null {
  // Orders are found under the key their number is kept by (see tradeKey).
  const candidates = [row.tradeNo, row.tradeNo.split(/[_-]/)[0] ?? ''].filter((n) => n !== '').map(tradeKey)
  if (row.merchantOrderNo !== '') {
    const inBatch = batchByMerchantNo.get(row.merchantOrderNo)
    if (inBatch && inBatch.row !== row) return { planRow: inBatch }
    const stored = storedByMerchantNo.get(row.merchantOrderNo) ?? storedByNo.get(tradeKey(row.merchantOrderNo))
    if (stored) return { stored }
  }
  for (const no of candidates) {
    const inBatch = batchByNo.get(no)
    if (inBatch && inBatch.row !== row) return { planRow: inBatch }
    const stored = storedByNo.get(no)
    if (stored) return { stored }
  }
  return null
}

/** A card repayment names the bank but seldom the card; it is the bank's one known card when there is exactly one. */
function resolveCard(product: CreditProduct, known: ReadonlySet<string>): CreditProduct {
  if (product.kind !== 'creditCard' || /\(\d+\)$/.test(product.name) || product.name === '信用卡') return product
  const matches = [...known].filter((n) => n !== product.name && n.startsWith(product.name))
  return matches.length === 1 ? { ...product, name: matches[0]! } : product
}

/**
 * The bill a repayment row names ("还款 9 月账单", "9月份账单"), by its statement date, or null. The
 * bill issued in that month on or before the payment; when that month's statement day is still to
 * come, the bill falling due in that month (the one issued the month before), as 分付-style
 * products name a bill by the month it is due.
 */
export function namedBill(text: string, paidOn: IsoDate, account: Pick<Account, 'kind' | 'statementDay' | 'dueDay'>): IsoDate | null {
  if (!STATEMENT_KINDS.includes(account.kind) || account.statementDay === null || account.dueDay === null) return null
  const m = /(\d{1,2})\s*月份?\s*账单/.exec(text)
  const month = m ? Number(m[1]) : 0
  if (month < 1 || month > 12) return null
  const cal = { statementDay: account.statementDay, dueDay: account.dueDay }
  const paid = monthIndexOf(paidOn)
  // The named month is the latest one not after the payment's month.
  const index = monthIndex(yearOfIndex(paid) - (month > monthOfIndex(paid) ? 1 : 0), month)
  const issued = statementDateOfIndex(index, cal)
  return issued <= paidOn ? issued : statementDateOfIndex(index - 1, cal)
}
