// Tests reading single cells: amounts to fen, times to local dates, 收/支 and refund remarks.
import { describe, expect, it } from 'vitest'
import { blankPlaceholder, parseAmountCell, parseDirection, parseTimeCell, refundRemark } from './cells'

describe('parseAmountCell', () => {
  it.each([
    ['35.50', 3550],
    ['¥25.00', 2500],
    ['￥ 1,299.00', 129900],
    ['1,234,567.8', 123456780],
    ['0.29', 29],
    ['12', 1200],
    [' 88.80 ', 8880]
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseAmountCell(text)).toEqual({ fen, negative: false, refund: null })
  })

  it('folds a sign into `negative` and keeps the amount positive', () => {
    expect(parseAmountCell('-¥10.00')).toEqual({ fen: 1000, negative: true, refund: null })
  })

  it('reads spreadsheet numbers, refusing more than two decimals but not float noise', () => {
    expect(parseAmountCell(12.5)?.fen).toBe(1250)
    expect(parseAmountCell(0.1 + 0.2)?.fen).toBe(30)
    expect(parseAmountCell(1.234)).toBeNull()
    expect(parseAmountCell(Number.NaN)).toBeNull()
  })

  it("reads JD's refund written into the amount", () => {
    expect(parseAmountCell('44.00(已全额退款)')).toEqual({ fen: 4400, negative: false, refund: { full: true } })
    expect(parseAmountCell('120.00（已退款20.00）')).toEqual({ fen: 12000, negative: false, refund: { full: false, amount: 2000 } })
  })

  it.each(['', '12..5', 'abc', '1,2,3', '12.345', '¥', '12.00(备注)', 'true'])('refuses %j', (text) => {
    expect(parseAmountCell(text)).toBeNull()
  })

  it('refuses cells that are no amount at all', () => {
    expect(parseAmountCell(null)).toBeNull()
    expect(parseAmountCell(undefined)).toBeNull()
    expect(parseAmountCell(new Date())).toBeNull()
  })
})

describe('refundRemark', () => {
  it('tells full from partial refunds', () => {
    expect(refundRemark('已全额退款')).toEqual({ full: true })
    expect(refundRemark('已退款(￥20.00)')).toEqual({ full: false, amount: 2000 })
    expect(refundRemark('已退款 ¥1,020.50')).toEqual({ full: false, amount: 102050 })
    expect(refundRemark('已退款')).toEqual({ full: true })
    expect(refundRemark('支付成功')).toBeNull()
    expect(refundRemark('')).toBeNull()
  })
})

describe('parseTimeCell', () => {
  it.each([
    ['2026-11-03 12:34:56', '2026-11-03', '12:34:56'],
    ['2026/11/3 9:05', '2026-11-03', '09:05:00'],
    ['2026年11月3日 09:05:00', '2026-11-03', '09:05:00'],
    ['2026-11-03', '2026-11-03', ''],
    ['2026-11-03T23:59:59', '2026-11-03', '23:59:59'],
    ['  2026-02-28 00:00:00\t', '2026-02-28', '00:00:00']
  ])('reads %j', (text, date, time) => {
    expect(parseTimeCell(text)).toEqual({ date, time })
  })

  it.each(['2026-02-30 10:00:00', '2026-13-01', '2026-11-03 24:00:00', '03/11/2026', 'yesterday', ''])('refuses %j', (text) => {
    expect(parseTimeCell(text)).toBeNull()
  })

  it("takes a spreadsheet date's wall-clock day, rounding the float's last millisecond", () => {
    // read-excel-file gives 2026-11-03 23:59:59 as 23:59:58.999 UTC; and midnight as 23:59:59.9995 the day before.
    expect(parseTimeCell(new Date(Date.UTC(2026, 10, 3, 23, 59, 58, 999)))).toEqual({ date: '2026-11-03', time: '23:59:59' })
    expect(parseTimeCell(new Date(Date.UTC(2026, 10, 3, 23, 59, 59, 999)))).toEqual({ date: '2026-11-04', time: '00:00:00' })
  })

  it('reads an Excel serial number', () => {
    // 46329 is 2026-11-03; .5 is noon.
    expect(parseTimeCell(46329.5)).toEqual({ date: '2026-11-03', time: '12:00:00' })
    expect(parseTimeCell(-1)).toBeNull()
  })
})

describe('parseDirection and placeholders', () => {
  it('maps 收/支', () => {
    expect(parseDirection('支出')).toBe('out')
    expect(parseDirection(' 收入 ')).toBe('in')
    expect(parseDirection('不计收支')).toBe('none')
    expect(parseDirection('/')).toBe('none')
  })

  it("empties WeChat's / placeholder only", () => {
    expect(blankPlaceholder('/')).toBe('')
    expect(blankPlaceholder('a/b')).toBe('a/b')
  })
})
