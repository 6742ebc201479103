import { describe, expect, it } from 'vitest'
import { runCalc } from './calc-core'

const offer = { principal: 12000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.6, termMonths: 12 }
const run = (input: unknown) => runCalc([typeof input === 'string' ? input : JSON.stringify(input)])

describe('npm run calc', () => {
  it('prints the schedule in fen and the real APR as decimals rounded to 6 places', () => {
    const r = run(offer)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const out: unknown = JSON.parse(r.stdout)
    expect(out).toMatchObject({ unit: 'fen', totalInterest: 0, totalFees: 86_400, totalPayment: 1_286_400, aprSimple: 0.130342, aprCompound: 0.138418, naiveRate: 0.072 })
    expect(out).toHaveProperty('schedule.length', 12)
    expect(out).toHaveProperty('schedule.0', { index: 1, dueDate: '2026-02-01', days: 31, principal: 100_000, interest: 0, fee: 7_200, payment: 107_200, balanceAfter: 1_100_000 })
  })

  it('takes yuan and the rate as text too, and an up-front fee and first due date', () => {
    const r = run({ ...offer, principal: '12,000.00', rate: '0.6%', termMonths: '12', upfrontFee: '100', firstDueDate: '2026-01-20' })
    expect(r.code).toBe(0)
    const out: unknown = JSON.parse(r.stdout)
    expect(out).toHaveProperty('schedule.0.dueDate', '2026-01-20')
    expect(out).toHaveProperty('totalFees', 86_400 + 10_000)
    // The 100-yuan fee up front and a first period of 19 days lift 13.03% to 14.63%.
    expect(out).toHaveProperty('aprSimple', 0.146305)
  })

  it('does not depend on the clock: the start date defaults to 2026-01-01', () => {
    expect(run(offer).stdout).toBe(run({ ...offer, startDate: '2026-01-01' }).stdout)
  })

  it('solves dated cash flows in yuan', () => {
    const r = run({ flows: [{ date: '2026-01-01', amount: 10000 }, { date: '2026-01-02', amount: -10003 }] })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ unit: 'day', periodRate: 0.0003, aprSimple: 0.1095, aprCompound: 0.115702 })
  })

  it.each([
    [{ ...offer, termMonths: -12 }, 'error: termMonths: The term must be 1 to 360 months'],
    [{ ...offer, rate: 150 }, 'error: rate: A monthly fee rate must be between 0% and 2%'],
    [{ ...offer, rate: 'six' }, 'error: rate: Enter the rate as a number (a percent as quoted: 0.6 for 0.6%)'],
    [{ ...offer, principal: 'twelve thousand' }, 'error: principal: Not a number'],
    [{ ...offer, principal: 12000.001 }, 'error: principal: At most two decimals'],
    [{ ...offer, principal: -5 }, 'error: principal: The amount must be greater than 0'],
    [{ ...offer, termMonths: 'a year' }, 'error: termMonths: The term must be 1 to 360 months'],
    [{ ...offer, method: 'payday' }, 'error: method: Choose an option (one of flexible, equalInstalment, equalPrincipal, interestOnly, feeInstalment)'],
    [{ ...offer, rateUnit: 'daily' }, 'error: rate: A daily rate must be between 0% and 0.1%'],
    [{ ...offer, startDate: '2026-02-30' }, 'error: startDate: Enter a valid date (YYYY-MM-DD)'],
    [{ ...offer, princpal: 1 }, 'error: unknown field "princpal" (expected principal, method, rateUnit, rate, termMonths, startDate, firstDueDate, upfrontFee)'],
    [{ method: 'flexible' }, 'error: principal: Required'],
    [{ flows: [{ date: '2026-01-01', amount: 100 }, { date: '2026-02-01', amount: 50 }] }, 'error: These cash flows have no annual rate (nothing borrowed or nothing repaid)'],
    [{ flows: [{ date: '2026-01-01', amount: 'x' }] }, 'error: flows.0.amount: Not a number'],
    [{ flows: 'none' }, 'error: flows: a list of {"date":"YYYY-MM-DD","amount":yuan} is expected (received money positive, paid negative)'],
    ['[1,2]', 'error: the input must be a JSON object, e.g. {"principal":12000,...}']
  ])('bad input %j: one clear line on stderr, exit 1, nothing on stdout', (input, line) => {
    const r = run(input)
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${line}\n` })
  })

  it('reports text that is not JSON and a missing argument', () => {
    const r = runCalc(['{principal: 12000}'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: the input is not valid JSON \(.+\)\n$/)
    expect(runCalc([])).toMatchObject({ code: 1, stdout: '' })
    expect(runCalc(['--help'])).toMatchObject({ code: 0, stderr: '' })
  })

  it('joins arguments a shell split apart', () => {
    expect(runCalc(['{"principal":12000,', '"method":"feeInstalment","rateUnit":"monthlyFee","rate":0.6,"termMonths":12}']).code).toBe(0)
  })
})
