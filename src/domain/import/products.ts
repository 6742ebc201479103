// Owns recognising credit in a bill: which product paid (花呗, 分付, 白条, 月付, 先用后付, a credit card), and which rows repay one.
import type { AccountKind } from '../records'

export interface CreditProduct {
  /** The name the user maps to an account once: 花呗, 分付, 白条, 美团月付, 先用后付, 招商银行信用卡(5678)... */
  name: string
  /** The account kind a new account for it gets by default. */
  kind: AccountKind
}

const BANK = /[\u4e00-\u9fa5A-Za-z]{2,12}?银行/
/** Last digits: "信用卡(5678)", "信用卡还款(5678)", "尾号5678". */
const CARD_TAIL = /信用卡(?:还款)?\s*[(（]\s*(?:尾号)?(\d{3,4})\s*[)）]|尾号(\d{4})/

/**
 * The credit product in a payment-method cell, or null for money the user already had (a debit
 * card, 余额, 零钱, 余额宝...). A combined payment ("花呗&红包") counts as the credit part's.
 */
export function creditProduct(method: string): CreditProduct | null {
  const m = method.replace(/\s/g, '')
  if (m === '') return null
  if (m.includes('花呗')) return { name: '花呗', kind: 'bnplStatement' }
  if (m.includes('分付')) return { name: '分付', kind: 'bnplStatement' }
  if (m.includes('白条')) return { name: '白条', kind: 'bnplStatement' }
  const monthly = /(美团|抖音)?月付/.exec(m)
  if (monthly) return { name: monthly[0], kind: 'bnplStatement' }
  const later = /先用后付|先享后付/.exec(m)
  if (later) return { name: later[0], kind: 'payLaterOrder' }
  if (m.includes('信用卡')) return { name: cardName(m), kind: 'creditCard' }
  return null
}

/** A card as the bill names it: bank, 信用卡, and the last digits when given ("招商银行信用卡(5678)"). */
function cardName(text: string): string {
  const part = text.split(/[&,，、|+]/).find((p) => p.includes('信用卡')) ?? text
  const bank = BANK.exec(part)?.[0] ?? ''
  const m = CARD_TAIL.exec(part)
  const tail = m?.[1] ?? m?.[2]
  return `${bank}信用卡${tail ? `(${tail})` : ''}`
}

/** Cash loans: their repayments pay a draw, which an import cannot tell apart, so they are left to the user. */
const LOAN_WORDS = /借呗|网商贷|微粒贷|金条|备用金|有钱花|信用贷/

export type RepaymentKind = { kind: 'product'; product: CreditProduct } | { kind: 'loan' } | null

/**
 * Whether a row repays credit, judged by its type, description and counterparty
 * ("花呗主动还款-2026年10月账单", 交易类型 "分付还款", "信用卡还款" to 招商银行). The credit card is
 * named from the row's own words: its bank (the counterparty, usually) and last digits if shown.
 */
export function repaymentOf(type: string, item: string, counterparty: string): RepaymentKind {
  const text = `${type} ${item} ${counterparty}`.replace(/\s+/g, ' ')
  if (!text.includes('还款')) return null
  if (LOAN_WORDS.test(text)) return { kind: 'loan' }
  if (text.includes('信用卡')) {
    const bank = BANK.exec(`${counterparty} ${item} ${type}`)?.[0] ?? ''
    const m = CARD_TAIL.exec(text.replace(/\s/g, ''))
    const tail = m?.[1] ?? m?.[2]
    return { kind: 'product', product: { name: `${bank}信用卡${tail ? `(${tail})` : ''}`, kind: 'creditCard' } }
  }
  const product = creditProduct(text)
  return product ? { kind: 'product', product } : null
}

/** 分期 with its count: "花呗分期(3期)", "白条分期 6期". 1 when paid in one go. */
export function instalmentsOf(method: string): number {
  const m = /(\d{1,2})\s*期/.exec(method)
  const n = m ? Number(m[1]) : 1
  return n >= 2 && n <= 36 ? n : 1
}
