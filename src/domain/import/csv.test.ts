// Tests reading delimited text: quoting, line numbers, trimmed cells and the delimiter of the header row.
import { describe, expect, it } from 'vitest'
import { cleanCell, detectDelimiter, parseDelimited } from './csv'

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
