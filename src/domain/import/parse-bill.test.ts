// Tests parsing whole bill files of every source, and every way a file or a row can be bad, each named by file, line and column.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import {
  ALIPAY_HEADER,
  ALIPAY_ROWS,
  JD_ROWS,
  MEITUAN_ROWS,
  WECHAT_ROWS,
  alipayCsv,
  alipayText,
  farCellXlsx,
  jdCsv,
  malformed,
  meituanCsv,
  wechatCsv,
  wechatXlsx
} from '@/testing/bill-fixtures'
import { MAX_BILL_ROWS } from './limits'
import { parseBill } from './parse-bill'
import type { BillRow } from './types'

/** Each byte as the character of the same code: what reading GBK as Latin-1 makes of it. */
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('')

const file = (name: string, bytes: Uint8Array, fileIndex = 0) => ({ fileIndex, name, bytes })
const withoutFile = ({ fileIndex: _i, file: _f, ...rest }: BillRow) => rest

describe('Alipay CSV (GBK)', () => {
  it('reads every row below the header, trimmed, in fen and local dates', async () => {
    const bill = await parseBill(file('alipay.csv', alipayCsv(ALIPAY_ROWS)))
    expect(bill).toMatchObject({ source: 'alipay', encoding: 'gb18030', headerLine: 18, dataRows: 12, problems: [] })
    expect(bill.rows).toHaveLength(12)
    expect(bill.rows[0]).toEqual({
      fileIndex: 0,
      file: 'alipay.csv',
      line: 19,
      source: 'alipay',
      date: '2026-11-05',
      time: '20:15:03',
      type: '餐饮美食',
      counterparty: '饿了么',
      item: '饿了么外卖订单',
      direction: 'out',
      amount: 3550,
      method: '花呗',
      status: '交易成功',
      tradeNo: '2026110522001400011111111111',
      merchantOrderNo: 'E20261105001',
      note: '',
      rowRefund: null
    })
    expect(bill.rows[3]).toMatchObject({ amount: 129900, method: '花呗分期(3期)' })
    expect(bill.rows[1]).toMatchObject({ direction: 'none', status: '退款成功' })
    expect(bill.rows[8]).toMatchObject({ direction: 'in' })
  })

  it('finds the header by its columns however long the preamble is', async () => {
    const longer = iconv.encode(`多出来的一行\r\n又一行,带逗号\r\n${alipayText(ALIPAY_ROWS)}`, 'gbk')
    const bill = await parseBill(file('alipay.csv', new Uint8Array(longer)))
    expect(bill.headerLine).toBe(20)
    const plain = await parseBill(file('alipay.csv', alipayCsv(ALIPAY_ROWS)))
    expect(bill.rows.map((r) => ({ ...r, line: r.line - 2 }))).toEqual(plain.rows)
  })

  it('reports a progress that ends at 1', async () => {
    const seen: number[] = []
    await parseBill(file('alipay.csv', alipayCsv(ALIPAY_ROWS)), (f) => seen.push(f))
    expect(seen.at(-1)).toBe(1)
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true)
  })
})

describe('WeChat Pay CSV and XLSX', () => {
  it('reads the same rows from either, with ¥ amounts and the refund in the status', async () => {
    const csv = await parseBill(file('wechat.csv', wechatCsv(WECHAT_ROWS)))
    const xlsx = await parseBill(file('wechat.xlsx', await wechatXlsx(WECHAT_ROWS)))
    expect(csv).toMatchObject({ source: 'wechat', encoding: 'utf-8', headerLine: 17, dataRows: 7, problems: [] })
    expect(xlsx).toMatchObject({ source: 'wechat', encoding: 'xlsx', headerLine: 17, dataRows: 7, problems: [] })
    expect(xlsx.rows.map(withoutFile)).toEqual(csv.rows.map(withoutFile))
    expect(csv.rows[0]).toMatchObject({ amount: 2500, method: '分付', merchantOrderNo: 'MT20261106001', note: '' })
    expect(csv.rows[1]!.rowRefund).toEqual({ full: true })
    expect(csv.rows[2]!.rowRefund).toEqual({ full: false, amount: 2000 })
    expect(csv.rows[3]).toMatchObject({ direction: 'none', merchantOrderNo: '' })
  })
})

describe('JD and Meituan CSV (UTF-8 with BOM)', () => {
  it("reads JD's columns and the refund written into the amount", async () => {
    const bill = await parseBill(file('jd.csv', jdCsv(JD_ROWS)))
    expect(bill).toMatchObject({ source: 'jd', encoding: 'utf-8', headerLine: 6, problems: [] })
    expect(bill.rows[0]).toMatchObject({ counterparty: '京东平台商户', item: 'Apple AirPods', amount: 129900, method: '白条', tradeNo: '300011111111' })
    expect(bill.rows[1]).toMatchObject({ amount: 4400, rowRefund: { full: true } })
  })

  it("reads Meituan's 交易创建时间 header and takes 实付金额, not 订单金额", async () => {
    const bill = await parseBill(file('meituan.csv', meituanCsv(MEITUAN_ROWS)))
    expect(bill).toMatchObject({ source: 'meituan', headerLine: 5, problems: [] })
    expect(bill.rows[0]).toMatchObject({ amount: 2800, counterparty: '', item: '美团外卖-黄焖鸡米饭', method: '美团月付', status: '' })
  })
})

describe('bad files', () => {
  it('names the file for an empty file, a legacy .xls, a broken .xlsx and a file that is no bill', async () => {
    expect((await parseBill(file('a.csv', new Uint8Array()))).problems).toEqual([{ fileIndex: 0, file: 'a.csv', line: null, column: null, code: 'empty', value: '' }])
    expect((await parseBill(file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).problems[0]?.code).toBe('legacyXls')
    expect((await parseBill(file('b.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9])))).problems[0]?.code).toBe('xlsx')
    const notes = await parseBill(file('notes.txt', new TextEncoder().encode('购物清单\n牛奶,2\n面包,1\n')))
    expect(notes).toMatchObject({ source: null, rows: [], problems: [{ code: 'notBill', file: 'notes.txt' }] })
  })

  it('calls a table with a header row but foreign columns no bill, naming the header line', async () => {
    const bill = await parseBill(file('x.csv', new TextEncoder().encode('说明\n交易时间,温度,湿度\n2026-11-01,20,30\n')))
    expect(bill.problems).toEqual([{ fileIndex: 0, file: 'x.csv', line: 2, column: null, code: 'notBill', value: '' }])
  })

  it('names each missing column and reads no rows', async () => {
    const header = ALIPAY_HEADER.filter((c) => c !== '金额' && c !== '交易订单号')
    const bill = await parseBill(file('alipay.csv', alipayCsv(ALIPAY_ROWS, { header })))
    expect(bill.source).toBe('alipay')
    expect(bill.rows).toEqual([])
    expect(bill.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['missingColumn', 18, '金额'],
      ['missingColumn', 18, '交易订单号']
    ])
  })

  it('calls a GBK bill saved again as Latin-1 mojibake a wrong encoding', async () => {
    const mojibake = latin1(iconv.encode(alipayText(ALIPAY_ROWS), 'gbk'))
    const bill = await parseBill(file('alipay.csv', new TextEncoder().encode(mojibake)))
    expect(bill.problems.map((p) => p.code)).toEqual(['encoding'])
  })

  it('calls bytes valid in no encoding in the header a wrong encoding of the file', async () => {
    const bytes = alipayCsv(ALIPAY_ROWS)
    const text = alipayText(ALIPAY_ROWS)
    const headerAt = iconv.encode(text.slice(0, text.indexOf('交易时间')), 'gbk').length
    const broken = new Uint8Array([...bytes.slice(0, headerAt + 4), 0x81, 0x7f, ...bytes.slice(headerAt + 4)])
    const bill = await parseBill(file('alipay.csv', broken))
    expect(bill.problems).toMatchObject([{ code: 'encoding', line: 18 }])
  })

  it('names the row and column of bad bytes in one row and still reads the others', async () => {
    const good = alipayText(ALIPAY_ROWS)
    const at = good.indexOf('生鲜')
    const before = iconv.encode(good.slice(0, at), 'gbk')
    const after = iconv.encode(good.slice(at), 'gbk')
    const bill = await parseBill(file('alipay.csv', new Uint8Array([...before, 0x81, 0x7f, ...after])))
    expect(bill.problems).toEqual([{ fileIndex: 0, file: 'alipay.csv', line: 23, column: '商品说明', code: 'rowEncoding', value: expect.stringContaining('生鲜') }])
    expect(bill.rows).toHaveLength(11)
  })

  it('names the line, column and value of a malformed amount, date or short row, and keeps the good rows', async () => {
    const rows = [
      ALIPAY_ROWS[0]!,
      malformed(ALIPAY_ROWS[2]!, { amount: '29..9' }),
      malformed(ALIPAY_ROWS[3]!, { time: '2026-02-30 10:00:00' }),
      ALIPAY_ROWS[6]!
    ]
    const text = `${alipayText(rows)}2026-10-01 10:00:00,日用百货,超市\r\n`
    const bill = await parseBill(file('bad.csv', new Uint8Array(iconv.encode(text, 'gbk'))))
    expect(bill.problems).toEqual([
      { fileIndex: 0, file: 'bad.csv', line: 20, column: '金额', code: 'badAmount', value: '29..9' },
      { fileIndex: 0, file: 'bad.csv', line: 21, column: '交易时间', code: 'badDate', value: '2026-02-30 10:00:00' },
      { fileIndex: 0, file: 'bad.csv', line: 23, column: '商品说明', code: 'shortRow', value: '' }
    ])
    expect(bill.rows.map((r) => r.line)).toEqual([19, 22])
    expect(bill.dataRows).toBe(5)
  })

  it('skips blank lines and a remark or separator under the table', async () => {
    const text = `${alipayText(ALIPAY_ROWS.slice(0, 2))}\r\n------------------------------------\r\n导出完成\r\n`
    const bill = await parseBill(file('a.csv', new Uint8Array(iconv.encode(text, 'gbk'))))
    expect(bill.problems).toEqual([])
    expect(bill.rows).toHaveLength(2)
  })

  it('reads a UTF-16 bill with tabs, as Excel saves "Unicode text"', async () => {
    const text = new TextDecoder().decode(wechatCsv(WECHAT_ROWS)).replace(/,/g, '\t')
    const bill = await parseBill(file('wechat.txt', new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }))))
    expect(bill).toMatchObject({ source: 'wechat', encoding: 'utf-16le', problems: [] })
    expect(bill.rows).toHaveLength(7)
  })
})

describe('hostile and tricky bills', () => {
  it('names the line of an unbalanced quote and loses none of the rows after it', async () => {
    const rows = ALIPAY_ROWS.slice(0, 7)
    const lines = alipayText(rows).split('\r\n')
    // Line 21 (the third data row) gets a quote that opens its item and never closes.
    lines[20] = lines[20]!.replace('运动鞋 两双', '"运动鞋 两双')
    const bill = await parseBill(file('quote.csv', new Uint8Array(iconv.encode(lines.join('\r\n'), 'gbk'))))
    expect(bill.problems).toEqual([{ fileIndex: 0, file: 'quote.csv', line: 21, column: null, code: 'unbalancedQuote', value: expect.stringContaining('"运动鞋') }])
    expect(bill.rows.map((r) => r.line)).toEqual([19, 20, 22, 23, 24, 25])
    expect(bill.dataRows).toBe(7)
  })

  it('keeps the sign: a negative purchase is a problem, a negative refund is money back', async () => {
    const purchase = malformed(WECHAT_ROWS[0]!, { amount: '¥-5.00' })
    const refund = malformed(WECHAT_ROWS[0]!, { amount: '¥-5.00', type: '退款', status: '已退款', tradeNo: '4200001111202611061111111111_r' })
    const bill = await parseBill(file('signs.csv', wechatCsv([purchase, refund, WECHAT_ROWS[5]!])))
    expect(bill.problems).toEqual([{ fileIndex: 0, file: 'signs.csv', line: 18, column: '金额(元)', code: 'negativeAmount', value: '¥-5.00' }])
    expect(bill.rows.map((r) => [r.line, r.direction, r.amount])).toEqual([
      [19, 'in', 500],
      [20, 'out', 4500]
    ])
    // The same in a spreadsheet, where the amount is a number.
    const xlsx = await parseBill(file('signs.xlsx', await wechatXlsx([malformed(WECHAT_ROWS[0]!, { amount: '-5' })])))
    expect(xlsx.problems.map((p) => p.code)).toEqual(['negativeAmount'])
    expect(xlsx.rows).toEqual([])
  })

  it(`refuses a file of more than ${MAX_BILL_ROWS} rows whole, saying so`, async () => {
    const text = alipayText([])
    const row = '2026-10-01 10:00:00,日用百货,超市,,纸巾,支出,1.00,花呗,交易成功,T,M,\r\n'
    const big = new TextEncoder().encode(text + row.repeat(MAX_BILL_ROWS + 1))
    const bill = await parseBill(file('big.csv', big))
    expect(bill.rows).toEqual([])
    expect(bill.problems).toEqual([{ fileIndex: 0, file: 'big.csv', line: null, column: null, code: 'tooManyRows', value: String(MAX_BILL_ROWS) }])
  })

  it('refuses a 4 KB workbook whose one cell is at XFD1048576 before reading it, naming the cell', async () => {
    const bytes = farCellXlsx()
    expect(bytes.length).toBeLessThan(4096)
    const bill = await parseBill(file('far.xlsx', bytes))
    expect(bill.problems).toEqual([{ fileIndex: 0, file: 'far.xlsx', line: null, column: null, code: 'sheetTooLarge', value: 'XFD1048576' }])
    // Far rows or far columns alone are refused too; a bill-sized sheet is read.
    expect((await parseBill(file('rows.xlsx', farCellXlsx('A1048576')))).problems[0]?.value).toBe('A1048576')
    expect((await parseBill(file('cols.xlsx', farCellXlsx('ZZ2')))).problems[0]?.value).toBe('ZZ2')
    expect((await parseBill(file('ok.xlsx', farCellXlsx('K2')))).problems.map((p) => p.code)).not.toContain('sheetTooLarge')
  })
})
