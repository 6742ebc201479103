import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuanText, formatFen, isFen, MAX_FEN, parseYuan, roundFen, splitFen, sumFen } from './money'

describe('parseYuan', () => {
  it.each([
    ['88', 8_800],
    ['12.30', 1_230],
    ['12.3', 1_230],
    ['5.', 500],
    ['0', 0],
    ['007.01', 701],
    ['1,234.5', 123_450],
    ['1,234,567.89', 123_456_789],
    ['1，234', 123_400], // full-width comma as typed with a Chinese IME
    ['¥88', 8_800],
    ['￥88', 8_800],
    ['¥ 1,234.56', 123_456],
    ['  42  ', 4_200],
    ['4 200', 420_000],
    ['.5', 50],
    ['.05', 5],
    ['+3', 300]
  ])('parses %j as %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen })
  })

  it('reads decimals as text, so 0.29 is exactly 29 fen (0.29 * 100 in floating point is 28.999...)', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 })
    expect(parseYuan('1.13')).toEqual({ ok: true, fen: 113 })
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 })
  })

  it('keeps the sign, before or after the currency symbol, and never returns -0', () => {
    expect(parseYuan('-12.5')).toEqual({ ok: true, fen: -1_250 })
    expect(parseYuan('-¥12.50')).toEqual({ ok: true, fen: -1_250 })
    expect(parseYuan('¥-12.50')).toEqual({ ok: true, fen: -1_250 })
    expect(parseYuan('- ￥ 1,000')).toEqual({ ok: true, fen: -100_000 })
    expect(parseYuan('-.5')).toEqual({ ok: true, fen: -50 })
    const zero = parseYuan('-0.00')
    expect(zero.ok && Object.is(zero.fen, 0)).toBe(true)
  })

  it('rejects more than two decimals', () => {
    expect(parseYuan('1.234')).toEqual({ ok: false, code: 'money.tooManyDecimals' })
    expect(parseYuan('0.001')).toEqual({ ok: false, code: 'money.tooManyDecimals' })
    expect(parseYuan('.123')).toEqual({ ok: false, code: 'money.tooManyDecimals' })
  })

  it('accepts up to 10^10 yuan and rejects anything above', () => {
    expect(parseYuan('10000000000')).toEqual({ ok: true, fen: MAX_FEN })
    expect(parseYuan('10,000,000,000.00')).toEqual({ ok: true, fen: MAX_FEN })
    expect(parseYuan('-10000000000')).toEqual({ ok: true, fen: -MAX_FEN })
    expect(parseYuan('9999999999.99')).toEqual({ ok: true, fen: MAX_FEN - 1 })
    expect(parseYuan('10000000000.01')).toEqual({ ok: false, code: 'money.tooLarge' })
    expect(parseYuan('-10000000000.01')).toEqual({ ok: false, code: 'money.tooLarge' })
    expect(parseYuan('99999999999')).toEqual({ ok: false, code: 'money.tooLarge' })
    // Far beyond the safe integer range: must be refused, not rounded.
    expect(parseYuan('123456789012345678901234567890')).toEqual({ ok: false, code: 'money.tooLarge' })
    // Leading zeros do not count towards the size.
    expect(parseYuan('000000000001.00')).toEqual({ ok: true, fen: 100 })
  })

  it.each(['abc', '12a', '1.2.3', '1e5', '0x10', '--5', '+-5', '-', '.', '¥', '5¥', 'Infinity', 'NaN', '１２'])(
    'rejects %j as not a number (or as empty when nothing is left)',
    (input) => {
      expect(parseYuan(input)).toEqual({ ok: false, code: input === '¥' ? 'money.empty' : 'money.notNumber' })
    }
  )

  it('reports empty input', () => {
    expect(parseYuan('')).toEqual({ ok: false, code: 'money.empty' })
    expect(parseYuan('   ')).toEqual({ ok: false, code: 'money.empty' })
    expect(parseYuan(' ￥ ')).toEqual({ ok: false, code: 'money.empty' })
  })

  it('round-trips every amount through formatFen (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), (fen) => {
        expect(parseYuan(formatFen(fen))).toEqual({ ok: true, fen })
        expect(parseYuan(fenToYuanText(fen))).toEqual({ ok: true, fen })
      })
    )
  })
})

describe('formatFen', () => {
  it('formats with the yuan sign, thousands grouping and two decimals', () => {
    expect(formatFen(123_456)).toBe('¥1,234.56')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(50)).toBe('¥0.50')
    expect(formatFen(99_999)).toBe('¥999.99')
    expect(formatFen(100_000)).toBe('¥1,000.00')
    expect(formatFen(MAX_FEN)).toBe('¥10,000,000,000.00')
  })

  it('puts the minus before the symbol', () => {
    expect(formatFen(-123_456)).toBe('-¥1,234.56')
    expect(formatFen(-1)).toBe('-¥0.01')
    expect(formatFen(-0)).toBe('¥0.00')
  })

  it('is exact at the ends of the safe integer range', () => {
    // 9007199254740991 fen = 90,071,992,547,409 yuan and 91 fen.
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91')
    expect(formatFen(Number.MIN_SAFE_INTEGER)).toBe('-¥90,071,992,547,409.91')
  })

  it('can leave out the symbol, and fenToYuanText leaves out grouping too', () => {
    expect(formatFen(123_456, { symbol: false })).toBe('1,234.56')
    expect(formatFen(-123_456, { symbol: false })).toBe('-1,234.56')
    expect(fenToYuanText(123_456_789)).toBe('1234567.89')
    expect(fenToYuanText(-5)).toBe('-0.05')
  })
})

describe('isFen', () => {
  it('accepts safe integers only', () => {
    expect(isFen(0)).toBe(true)
    expect(isFen(-42)).toBe(true)
    expect(isFen(Number.MAX_SAFE_INTEGER)).toBe(true)
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false)
    expect(isFen(1.5)).toBe(false)
    expect(isFen(Number.NaN)).toBe(false)
    expect(isFen('100')).toBe(false)
    expect(isFen(null)).toBe(false)
  })
})

describe('splitFen', () => {
  it('hands the remainder to the earlier parts', () => {
    expect(splitFen(100, 3)).toEqual([34, 33, 33])
    expect(splitFen(101, 3)).toEqual([34, 34, 33])
    expect(splitFen(99, 3)).toEqual([33, 33, 33])
    expect(splitFen(2, 5)).toEqual([1, 1, 0, 0, 0])
    expect(splitFen(0, 4)).toEqual([0, 0, 0, 0])
    expect(splitFen(7, 1)).toEqual([7])
  })

  it('splits negative totals the same way, mirrored', () => {
    // -100 / 3: trunc gives -33, remainder -1 goes to the first part.
    expect(splitFen(-100, 3)).toEqual([-34, -33, -33])
    expect(splitFen(-7, 3)).toEqual([-3, -2, -2])
  })

  it('rejects a non-positive or fractional number of parts', () => {
    expect(() => splitFen(100, 0)).toThrow(RangeError)
    expect(() => splitFen(100, -2)).toThrow(RangeError)
    expect(() => splitFen(100, 1.5)).toThrow(RangeError)
    expect(() => splitFen(100, Number.NaN)).toThrow(RangeError)
  })

  it('always sums to the total, with parts that differ by at most one fen, the larger ones first (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_FEN * 1000, max: MAX_FEN * 1000 }),
        fc.integer({ min: 1, max: 400 }),
        (total, parts) => {
          const out = splitFen(total, parts)
          expect(out).toHaveLength(parts)
          expect(out.reduce((s, v) => s + v, 0)).toBe(total)
          expect(out.every(Number.isSafeInteger)).toBe(true)
          expect(Math.max(...out) - Math.min(...out)).toBeLessThanOrEqual(1)
          // Magnitudes never grow along the list: the remainder sits at the front.
          expect(out.every((v, i) => i === 0 || Math.abs(v) <= Math.abs(out[i - 1]!))).toBe(true)
        }
      )
    )
  })
})

describe('roundFen', () => {
  it('rounds half away from zero', () => {
    expect(roundFen(2.5)).toBe(3)
    expect(roundFen(-2.5)).toBe(-3)
    expect(roundFen(0.5)).toBe(1)
    expect(roundFen(-0.5)).toBe(-1)
    expect(roundFen(2.4999)).toBe(2)
    expect(roundFen(-2.4999)).toBe(-2)
    expect(roundFen(3.5001)).toBe(4)
    expect(roundFen(7)).toBe(7)
  })

  it('never returns -0', () => {
    expect(Object.is(roundFen(-0.4), 0)).toBe(true)
    expect(Object.is(roundFen(-0), 0)).toBe(true)
  })

  it('is symmetric around zero (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        expect(roundFen(-x)).toBe(-roundFen(x) || 0)
        expect(Math.abs(roundFen(x) - x)).toBeLessThanOrEqual(0.5)
      })
    )
  })
})

describe('sumFen', () => {
  it('sums integers', () => {
    expect(sumFen([])).toBe(0)
    expect(sumFen([100, 250, -50])).toBe(300)
    expect(sumFen(new Set([1, 2, 3]))).toBe(6)
    expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('throws when the total leaves the safe integer range', () => {
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError)
    expect(() => sumFen([Number.MIN_SAFE_INTEGER, -1])).toThrow(RangeError)
    expect(() => sumFen([Number.NaN])).toThrow(RangeError)
  })

  it('throws rather than return a wrong total when a partial sum left the safe range', () => {
    // MAX_SAFE + 2 is not representable (it becomes 2^53), so "- 2" would give MAX_SAFE - 1
    // instead of the true MAX_SAFE: a silently wrong sum that still looks safe.
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 2, -2])).toThrow(RangeError)
  })

  it('refuses fractional fen', () => {
    expect(() => sumFen([0.5, 0.5])).toThrow(RangeError)
  })
})

describe('parseYuan refuses what it would have to guess', () => {
  it.each(['1,2,3', '12.3 4', '1，5', '1 00', '12,34.5', ',123', '1  000'])('%s', (text) => {
    expect(parseYuan(text)).toEqual({ ok: false, code: 'money.notNumber' })
  })
  it.each([
    ['1,234', 123_400],
    ['12,345,678.9', 1_234_567_890],
    [' ¥ 88 ', 8_800],
    ['-¥5', -500],
    ['- ¥ 5', -500]
  ])('%s is %i fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen })
  })
})
