// Owns the matching of the one search box (Ctrl/⌘+K): accounts, draws, orders and repayments by their words, numbers and amounts.
import { fenToYuanText } from '@/domain/money'
import type { Account, Draw, Order, Repayment } from '@/domain/records'

export type SearchKind = 'account' | 'draw' | 'order' | 'repayment'

export interface SearchHit {
  kind: SearchKind
  id: string
  /** Words the result list shows: the account, merchant or item, the amount, the date. */
  name: string
  amount: number | null
  date: string | null
}

export interface Searchable {
  accounts: readonly Account[]
  draws: readonly Draw[]
  orders: readonly Order[]
  repayments: readonly Repayment[]
}

/** Lower case, full-width digits and letters folded, and the money marks (¥ ￥ ,) dropped, so "¥1,299" finds 1299.00. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[¥,]/g, '')
}

/** The query's words: every one must appear somewhere in a record for it to match. */
export function queryTokens(query: string): string[] {
  return normalise(query)
    .split(/\s+/)
    .filter((t) => t.length > 0)
}

function matches(tokens: readonly string[], haystack: string): boolean {
  return tokens.every((t) => haystack.includes(t))
}

/**
 * The records matching every word of the query, accounts first, then orders, draws and repayments, newest first within
 * each, at most `limit`. An amount matches by its plain yuan text ("1299.00"), so "1299" and "1299.0" find it too.
 */
export function searchRecords(data: Searchable, query: string, limit = 30): SearchHit[] {
  const tokens = queryTokens(query)
  if (tokens.length === 0) return []
  const accountName = new Map(data.accounts.map((a) => [a.id, a.name]))
  const nameOf = (id: string) => accountName.get(id) ?? ''
  const hits: SearchHit[] = []
  const add = (hit: SearchHit, words: string[]) => {
    if (hits.length < limit && matches(tokens, normalise(words.join('\u0001')))) hits.push(hit)
  }
  for (const a of data.accounts) add({ kind: 'account', id: a.id, name: a.name, amount: null, date: null }, [a.name, a.reportName, a.notes])
  const newest = <T>(rows: readonly T[], date: (r: T) => string) => [...rows].sort((x, y) => (date(x) < date(y) ? 1 : date(x) > date(y) ? -1 : 0))
  for (const o of newest(data.orders, (o) => o.orderDate)) {
    const name = [o.merchant, o.item].filter(Boolean).join(' · ')
    add({ kind: 'order', id: o.id, name: `${nameOf(o.accountId)} · ${name}`, amount: o.amount, date: o.orderDate }, [
      o.merchant,
      o.item,
      o.externalOrderNo,
      fenToYuanText(o.amount),
      nameOf(o.accountId),
      o.notes
    ])
  }
  for (const d of newest(data.draws, (d) => d.drawDate))
    add({ kind: 'draw', id: d.id, name: nameOf(d.accountId), amount: d.principal, date: d.drawDate }, [nameOf(d.accountId), fenToYuanText(d.principal), d.notes])
  for (const r of newest(data.repayments, (r) => r.date))
    add({ kind: 'repayment', id: r.id, name: nameOf(r.accountId), amount: r.amount, date: r.date }, [nameOf(r.accountId), fenToYuanText(r.amount), r.note])
  return hits
}
