// Owns the draw-habit rules (FOLK): too many draws on one credit line in a short window, and draws much smaller than the limit.
import { addDays } from '../dates'
import type { Account, Draw } from '../records'
import { drawCountFlag, drawsByAccount, windowStart } from './context'
import { bi, drawShort, listOf, money, nOf, percent } from './text'
import type { RiskFlag, RiskInput } from './types'

/** Term loans are drawn once by design; every other account that takes draws is a line a lender can cut. */
function isCreditLine(account: Account): boolean {
  return account.kind !== 'termLoan'
}

/** Each credit line's draws dated inside the window that ends today, oldest first. */
function drawsInWindow(input: RiskInput): Map<Account, Draw[]> {
  return drawsByAccount(input, windowStart(input.today, input.settings.drawWindowDays), input.today, isCreditLine)
}

/**
 * More than `maxDrawsInWindow` draws on one line in the last `drawWindowDays` days (today
 * included): the seed article's warning that frequent small draws may be read as unstable use.
 */
export function frequentDrawsRule(input: RiskInput): RiskFlag[] {
  const { drawWindowDays: days, maxDrawsInWindow: max } = input.settings
  const start = windowStart(input.today, days)
  const flags: RiskFlag[] = []
  for (const [account, draws] of drawsInWindow(input)) {
    if (draws.length <= max) continue
    // Without new draws the count is back at the limit once the (n - max)th oldest leaves the window.
    const calm = addDays(draws[draws.length - max - 1]!.drawDate, days)
    const list = listOf([...draws].reverse().map(drawShort), 8)
    flags.push(
      drawCountFlag(
        'frequentDraws',
        'warning',
        account,
        draws,
        bi(
          `${account.name}在最近 ${days} 天（${start} 至 ${input.today}）借了 ${draws.length} 笔，超过 ${max} 笔：${list.zh}。频繁借款可能被看作资金或经营不稳定，额度可能被降低。`,
          `${account.name}: ${draws.length} draws in the last ${days} days (${start} to ${input.today}), more than ${max}: ${list.en}. Frequent draws may be read as unstable use, and the limit may be lowered.`
        ),
        bi(
          `把用款合并成少数几笔，每笔借足所需；不再新借的话，到 ${calm} 笔数会回到 ${max} 笔以内。`,
          `Combine needs into fewer, larger draws; with no new draws the count is back within ${max} on ${calm}.`
        )
      )
    )
  }
  return flags
}

/**
 * At least `minSmallDraws` draws in the window, each below `smallDrawPercent`% of the line's
 * limit: the seed article advises a few draws a month, each close to the limit.
 */
export function smallDrawsRule(input: RiskInput): RiskFlag[] {
  const { drawWindowDays: days, smallDrawPercent: pct, minSmallDraws: min } = input.settings
  const flags: RiskFlag[] = []
  for (const [account, draws] of drawsInWindow(input)) {
    const limit = account.creditLimit
    if (limit === null || limit <= 0) continue
    // Compared in whole fen times percent: exact, so 10% of ¥50,000 is ¥5,000 and ¥5,000 is not small.
    const small = draws.filter((d) => d.principal * 100 < limit * pct)
    if (small.length < min) continue
    const list = listOf([...small].reverse().map(drawShort), 8)
    const line = money(Math.ceil((limit * pct) / 100))
    flags.push(
      drawCountFlag(
        'smallDraws',
        'info',
        account,
        small,
        bi(
          `${account.name}最近 ${days} 天有 ${small.length} 笔借款低于额度 ${money(limit)} 的 ${percent(pct)}（${line}）：${list.zh}。零碎的小额借款可能被看作经营不稳定。`,
          `${account.name}: ${nOf(small.length, 'draw')} in the last ${days} days were below ${percent(pct)} of the ${money(limit)} limit (${line}): ${list.en}. Many small draws may be read as unstable use.`
        ),
        bi(
          `需要用钱时一次借够；常见的建议是每月 3–5 笔、每笔接近所需的额度。`,
          `Borrow what you need in one go; the usual advice is 3-5 draws a month, each close to what you need of the limit.`
        )
      )
    )
  }
  return flags
}
