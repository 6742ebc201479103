// Owns the draw-habit rules (FOLK): too many draws on one credit line in a short window, and draws much smaller than the limit.
import { addDays } from '../calendar'
import type { Account, Draw } from '../records'
import { drawCountFlag, drawsByAccount, windowStart } from './context'
import { drawShort, listOf, money, msg, percent } from './text'
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
        msg('riskText.frequentDraws.explanation', { account: account.name, days, start, today: input.today, count: draws.length, max, list }),
        msg('riskText.frequentDraws.action', { calm, max })
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
        msg('riskText.smallDraws.explanation', { account: account.name, days, count: small.length, limit: money(limit), percent: percent(pct), line, list }),
        msg('riskText.smallDraws.action')
      )
    )
  }
  return flags
}
