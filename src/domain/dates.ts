// Owns nothing: the old name of calendar.ts, kept only for the files not moved yet (cost/ledger-cost.ts, report/month-report.ts, app/clock.ts, app/ledger-context.tsx); delete it once they import calendar.
export * from './calendar'
