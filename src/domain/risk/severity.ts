// Owns the severities a flag can have, in rising order: apart from types.ts so settings.ts can name them without importing the flag contract that names it.
export const SEVERITIES = ['info', 'warning', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]
