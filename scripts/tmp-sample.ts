import { generateSampleLedger } from '../src/domain/sample-data'
import { ledgerCost } from '../src/domain/cost/ledger-cost'
import { findMoneyProblems } from '../src/domain/validate-ledger'
const l = generateSampleLedger({ today: '2026-12-04' })
console.log(l.accounts.length, l.draws.length, l.orders.length, l.repayments.length, l.billInstalments)
console.log(findMoneyProblems(l))
const c = ledgerCost(l, '2026-12-04')
console.log(c.dues.map(d => [d.key, d.dueDate, d.amount, d.clearAmount, d.overdue]).slice(0, 30))
console.log(c.late)
for (const [id, s] of c.statements) console.log(id, s.revolving, s.bills.slice(-3).map(b => [b.statementDate, b.status, b.total, b.minimum, b.outstanding]))
console.log(c.thisMonth)
