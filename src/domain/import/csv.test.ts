// Tests reading delimited text: quoting, line numbers, trimmed cells and the delimiter of the header row.
import { describe, expect, it } from 'vitest'
import { cleanCell, detectDelimiter, MAX_LINES_IN_CELL, parseDelimited } from './csv'

describe('parseDelimited', () => {
  it('keeps line numbers through blank lines and CRLF', () => {
    const rows = parseDelimited('a,b\r\n\r\nc,d\re,f\n')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [] },
      { line: 3, cells: ['c', 'd'] },
      { line: 4, cells: ['e', 'f'] }
    ])
  })

  it('reads quoted cells with delimiters, doubled quotes and line breaks, numbering the next row after them', () => {
    const rows = parseDelimited('"a,1","say ""hi""","two\nlines"\nnext,row')
    expect(rows[0]).toEqual({ line: 1, cells: ['a,1', 'say "hi"', 'two\nlines'] })
    expect(rows[1]).toEqual({ line: 3, cells: ['next', 'row'] })
  })

  it('keeps a quoted note over a few lines, but reports a quote left open and reads every row after it', () => {
    expect(parseDelimited('2026-11-01,"note\nmore",1\n2026-11-02,x,2')).toEqual([
      { line: 1, cells: ['2026-11-01', 'note\nmore', '1'] },
      { line: 3, cells: ['2026-11-02', 'x', '2'] }
    ])
    // The quote opened on line 2 closes on line 4: read as RFC 4180 it would swallow line 3. A quote
    // inside a cell that does not start with one is only a character.
    const text = ['交易时间,商品,金额', '2026-11-01 10:00:00,"半个引号,1.00', '2026-11-02 10:00:00,好的,2.00', '2026-11-03 10:00:00,又一个",3.00', '2026-11-04 10:00:00,最后,4.00'].join('\r\n')
    expect(parseDelimited(text)).toEqual([
      { line: 1, cells: ['交易时间', '商品', '金额'] },
      { line: 2, cells: [], unbalancedQuote: true, raw: '2026-11-01 10:00:00,"半个引号,1.00', quoteAt: 20 },
      { line: 3, cells: ['2026-11-02 10:00:00', '好的', '2.00'] },
      { line: 4, cells: ['2026-11-03 10:00:00', '又一个"', '3.00'] },
      { line: 5, cells: ['2026-11-04 10:00:00', '最后', '4.00'] }
    ])
  })

  it('reports a quote that never closes and keeps the lines after it', () => {
    expect(parseDelimited('a,"open\nb,c\nd,e')).toEqual([
      { line: 1, cells: [], unbalancedQuote: true, raw: 'a,"open', quoteAt: 2 },
      { line: 2, cells: ['b', 'c'] },
      { line: 3, cells: ['d', 'e'] }
    ])
  })

  it('takes a cell running over more than MAX_LINES_IN_CELL lines for an open quote', () => {
    const long = `x,"${'line\n'.repeat(MAX_LINES_IN_CELL + 1)}end"\ny,z`
    const rows = parseDelimited(long)
    expect(rows[0]).toMatchObject({ line: 1, unbalancedQuote: true })
    expect(rows).toHaveLength(MAX_LINES_IN_CELL + 3)
    expect(rows.at(-1)).toEqual({ line: MAX_LINES_IN_CELL + 3, cells: ['y', 'z'] })
  })

  it('trims padding and the tab after order numbers, and keeps empty cells in place', () => {
    expect(parseDelimited('  饿了么  ,2026110522001400011111111111\t,,x,')[0]!.cells).toEqual(['饿了么', '2026110522001400011111111111', '', 'x', ''])
  })

  it('drops a byte-order mark', () => {
    expect(parseDelimited('\uFEFF交易时间,金额')[0]!.cells[0]).toBe('交易时间')
  })

  it('splits on tabs when asked', () => {
    expect(parseDelimited('a\tb, c\n', '\t')[0]!.cells).toEqual(['a', 'b, c'])
  })

  it('reports progress up to the end', () => {
    const seen: number[] = []
    parseDelimited('x,y\n'.repeat(100_000), ',', (f) => seen.push(f))
    expect(seen.at(-1)).toBe(1)
    expect(seen.length).toBeGreaterThan(1)
  })
})

describe('cleanCell and detectDelimiter', () => {
  it('unwraps an Excel text guard', () => {
    expect(cleanCell('="4200001111"')).toBe('4200001111')
    expect(cleanCell(' plain ')).toBe('plain')
  })

  it("takes the delimiter from the header row's first cell", () => {
    expect(detectDelimiter('导出信息,a\n交易时间\t交易分类\n')).toBe('\t')
    expect(detectDelimiter('说明\t随便\n交易时间,交易分类\n')).toBe(',')
    expect(detectDelimiter('no header here')).toBe(',')
  })
})
