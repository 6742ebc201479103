// Owns the bill files tests, the benchmark and the e2e import: each export's layout written out independently of the parser (GBK bytes, padded cells, trailing tabs, refunds, duplicates), plus a malformed row on request.
//
// Test helper only: iconv-lite is a dev dependency and nothing in the app imports this module.
import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import writeXlsxFile from 'write-excel-file/universal'

/** One transaction as a bill shows it: every cell is text, exactly as the export would write it. */
export interface FixtureRow {
  time: string
  type: string
  counterparty: string
  item: string
  /** 支出 / 收入 / 不计收支 / "/" */
  direction: string
  /** Yuan as the bill writes it ("1,299.00", "¥25.00", "44.00(已全额退款)"). */
  amount: string
  method: string
  status: string
  tradeNo: string
  merchantOrderNo: string
  note?: string
  /** Meituan's 订单金额 (before coupons); the amount above is 实付金额. */
  listAmount?: string
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function csvLine(cells: readonly string[], trailingComma = false): string {
  return cells.map(csvCell).join(',') + (trailingComma ? ',' : '')
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const withBom = (text: string) => utf8(`\uFEFF${text}`)

// ---- Alipay: GBK, a preamble of about 20 lines, order numbers followed by a tab, a trailing comma. ----

export const ALIPAY_HEADER = ['交易时间', '交易分类', '交易对方', '对方账号', '商品说明', '收/支', '金额', '收/付款方式', '交易状态', '交易订单号', '商家订单号', '备注']

export function alipayText(rows: readonly FixtureRow[], options: { header?: readonly string[] } = {}): string {
  const lines = [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：张三',
    '支付宝账户：138****0000',
    '起始时间：[2026-10-01 00:00:00]    终止时间：[2026-11-30 23:59:59]',
    '导出交易类型：[全部]',
    '导出时间：[2026-12-01 08:00:00]',
    `共${rows.length}笔记录`,
    '收入：1笔 200.00元',
    '支出：9笔 2500.00元',
    '不计收支：2笔 150.00元',
    '',
    '特别提示：',
    '1.本回单内容可表明支付宝受理了相关交易申请，不代表交易已完成；',
    '2.若您对交易记录有疑问，请联系商家或拨打支付宝客服热线95188。',
    '',
    '------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------',
    csvLine(options.header ?? ALIPAY_HEADER, true),
    ...rows.map((r) =>
      csvLine(
        [
          r.time,
          r.type,
          // Padded cells as some exports have them.
          `${r.counterparty}  `,
          r.counterparty === '' ? '' : 'shop***@example.com',
          r.item,
          r.direction,
          r.amount,
          r.method,
          r.status,
          r.tradeNo === '' ? '' : `${r.tradeNo}\t`,
          r.merchantOrderNo === '' ? '' : `${r.merchantOrderNo}\t`,
          r.note ?? ''
        ],
        true
      )
    )
  ]
  return `${lines.join('\r\n')}\r\n`
}

export function alipayCsv(rows: readonly FixtureRow[], options: { header?: readonly string[] } = {}): Uint8Array {
  return new Uint8Array(iconv.encode(alipayText(rows, options), 'gbk'))
}

// ---- WeChat Pay: UTF-8, 16 preamble lines, ¥ amounts, "/" for empty cells; CSV or XLSX. ----

export const WECHAT_HEADER = ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '交易单号', '商户单号', '备注']

function wechatRows(rows: readonly FixtureRow[]): string[][] {
  return [
    ['微信支付账单明细'],
    ['微信昵称：[小明]'],
    ['起始时间：[2026-10-01 00:00:00] 终止时间：[2026-11-30 23:59:59]'],
    ['导出类型：[全部]'],
    ['导出时间：[2026-12-01 08:00:00]'],
    [],
    [`共${rows.length}笔记录`],
    ['收入：0笔 0.00元'],
    ['支出：6笔 284.90元'],
    ['中性交易：2笔 530.00元'],
    ['注：'],
    ['1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易'],
    ['2. 本明细仅展示当前账单中的交易，不包括已删除的记录'],
    ['3. 本明细仅供个人对账使用'],
    [],
    ['----------------------微信支付账单明细列表--------------------'],
    WECHAT_HEADER,
    ...rows.map((r) => [r.time, r.type, r.counterparty, r.item, r.direction, r.amount, r.method, r.status, `${r.tradeNo}\t`, r.merchantOrderNo === '' ? '/' : `${r.merchantOrderNo}\t`, r.note ?? '/'])
  ]
}

export function wechatCsv(rows: readonly FixtureRow[]): Uint8Array {
  const width = WECHAT_HEADER.length
  return utf8(`${wechatRows(rows).map((cells) => csvLine([...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')])).join('\n')}\n`)
}

export async function wechatXlsx(rows: readonly FixtureRow[]): Promise<Uint8Array> {
  const sheet = wechatRows(rows).map((cells) => cells.map((value) => ({ value })))
  const blob = await writeXlsxFile(sheet).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

// ---- JD: UTF-8 with a BOM; a refund is written into the amount: "44.00(已全额退款)". ----

export const JD_HEADER = ['交易时间', '商户名称', '交易说明', '金额', '收/付款方式', '交易状态', '收/支', '交易分类', '交易订单号', '商家订单号', '备注']

export function jdCsv(rows: readonly FixtureRow[]): Uint8Array {
  const lines = [
    '导出信息：',
    '京东账号名：jd_user',
    '日期区间：2026-10-01 至 2026-11-30',
    '导出时间：2026-12-01 08:00:00',
    '',
    csvLine(JD_HEADER),
    ...rows.map((r) => csvLine([r.time, r.counterparty, r.item, r.amount, r.method, r.status, r.direction, r.type, `${r.tradeNo}\t`, `${r.merchantOrderNo}\t`, r.note ?? '']))
  ]
  return withBom(`${lines.join('\n')}\n`)
}

// ---- Meituan: UTF-8 with a BOM; the header starts with 交易创建时间. ----

export const MEITUAN_HEADER = ['交易创建时间', '交易成功时间', '交易类型', '订单标题', '收/支', '支付方式', '订单金额', '实付金额', '交易单号', '商家单号', '备注']

export function meituanCsv(rows: readonly FixtureRow[]): Uint8Array {
  const lines = [
    '美团账单明细',
    '美团用户名：美团用户abc',
    '起止时间：2026-10-01 至 2026-11-30',
    '',
    csvLine(MEITUAN_HEADER),
    ...rows.map((r) => csvLine([r.time, r.time, r.type, r.item, r.direction, r.method, r.listAmount ?? r.amount, r.amount, `${r.tradeNo}\t`, r.merchantOrderNo === '' ? '' : `${r.merchantOrderNo}\t`, r.note ?? '']))
  ]
  return withBom(`${lines.join('\n')}\n`)
}

// ---- The scenarios: a month and a half of each bill, newest first as exports list them. ----

const row = (fields: Partial<FixtureRow> & Pick<FixtureRow, 'time' | 'amount' | 'method'>): FixtureRow => ({
  type: '',
  counterparty: '',
  item: '',
  direction: '支出',
  status: '交易成功',
  tradeNo: '',
  merchantOrderNo: '',
  ...fields
})

/**
 * 花呗: 饿了么 35.50, 淘宝 299.00 refunded by 100.00, 天猫 1,299.00 in 3 instalments, 滴滴 60.00,
 * a closed 159.00 order, a 50.00 repayment; 先用后付 49.00; a 招商银行 credit card 36.00. Ignored:
 * a debit-card purchase and a transfer received. The 饿了么 row appears twice.
 */
export const ALIPAY_ROWS: readonly FixtureRow[] = [
  row({ time: '2026-11-05 20:15:03', type: '餐饮美食', counterparty: '饿了么', item: '饿了么外卖订单', amount: '35.50', method: '花呗', tradeNo: '2026110522001400011111111111', merchantOrderNo: 'E20261105001' }),
  row({ time: '2026-11-04 10:00:00', type: '退款', counterparty: '淘宝', item: '退款-运动鞋', direction: '不计收支', amount: '100.00', method: '花呗', status: '退款成功', tradeNo: '2026110222001400022222222222_1', merchantOrderNo: 'T20261102002' }),
  row({ time: '2026-11-02 09:30:00', type: '服饰装扮', counterparty: '淘宝', item: '运动鞋 两双', amount: '299.00', method: '花呗', tradeNo: '2026110222001400022222222222', merchantOrderNo: 'T20261102002' }),
  row({ time: '2026-11-01 12:00:00', type: '数码电器', counterparty: '天猫', item: '蓝牙耳机', amount: '1,299.00', method: '花呗分期(3期)', tradeNo: '2026110122001400033333333333', merchantOrderNo: 'T20261101003' }),
  row({ time: '2026-10-30 18:00:00', type: '日用百货', counterparty: '盒马', item: '生鲜', amount: '88.80', method: '招商银行储蓄卡(1234)', tradeNo: '2026103022001400044444444444', merchantOrderNo: 'H20261030004' }),
  row({ time: '2026-10-28 08:00:00', type: '信用借还', counterparty: '花呗', item: '花呗主动还款-2026年10月账单', direction: '不计收支', amount: '50.00', method: '余额宝', status: '还款成功', tradeNo: '2026102820001400055555555555' }),
  row({ time: '2026-10-20 19:00:00', type: '交通出行', counterparty: '滴滴出行', item: '打车', amount: '60.00', method: '花呗', tradeNo: '2026102022001400066666666666', merchantOrderNo: 'D20261020006' }),
  row({ time: '2026-10-18 14:00:00', type: '服饰装扮', counterparty: '淘宝', item: '连衣裙', amount: '159.00', method: '花呗', status: '交易关闭', tradeNo: '2026101822001400077777777777', merchantOrderNo: 'T20261018007' }),
  row({ time: '2026-10-15 09:00:00', type: '转账红包', counterparty: '张三', item: '转账', direction: '收入', amount: '200.00', method: '余额', tradeNo: '2026101520001400088888888888' }),
  row({ time: '2026-10-12 16:00:00', type: '生活服务', counterparty: '哈啰', item: '单车月卡', amount: '49.00', method: '先用后付', tradeNo: '2026101222001400099999999999', merchantOrderNo: 'HL20261012009' }),
  row({ time: '2026-10-10 08:30:00', type: '餐饮美食', counterparty: '星巴克', item: '咖啡', amount: '36.00', method: '招商银行信用卡(5678)', tradeNo: '2026101022001400101010101010', merchantOrderNo: 'S20261010010' }),
  row({ time: '2026-11-05 20:15:03', type: '餐饮美食', counterparty: '饿了么', item: '饿了么外卖订单', amount: '35.50', method: '花呗', tradeNo: '2026110522001400011111111111', merchantOrderNo: 'E20261105001' })
]

/**
 * 分付: 美团 25.00, 拼多多 19.90 fully refunded, 京东到家 120.00 of which 20.00 refunded, 滴滴 45.00, a
 * 30.00 repayment; a 零钱 transfer (ignored); a 招商银行 credit-card repayment of 500.00.
 */
export const WECHAT_ROWS: readonly FixtureRow[] = [
  row({ time: '2026-11-06 12:00:00', type: '商户消费', counterparty: '美团', item: '美团外卖订单', amount: '¥25.00', method: '分付', status: '支付成功', tradeNo: '4200001111202611061111111111', merchantOrderNo: 'MT20261106001' }),
  row({ time: '2026-11-05 09:00:00', type: '商户消费', counterparty: '拼多多', item: '纸巾', amount: '¥19.90', method: '分付', status: '已全额退款', tradeNo: '4200002222202611052222222222', merchantOrderNo: 'PDD20261105002' }),
  row({ time: '2026-11-03 19:00:00', type: '商户消费', counterparty: '京东到家', item: '超市代购', amount: '¥120.00', method: '分付', status: '已退款(￥20.00)', tradeNo: '4200003333202611033333333333', merchantOrderNo: 'JDDJ20261103003' }),
  row({ time: '2026-11-02 10:00:00', type: '分付还款', counterparty: '分付', item: '分付还款', direction: '/', amount: '¥30.00', method: '零钱', status: '支付成功', tradeNo: '1000044444202611024444444444' }),
  row({ time: '2026-11-01 08:00:00', type: '转账', counterparty: '李四', item: '转账备注:微信转账', amount: '¥50.00', method: '零钱', status: '对方已收钱', tradeNo: '1000055555202611015555555555' }),
  row({ time: '2026-10-25 22:00:00', type: '商户消费', counterparty: '滴滴出行', item: '打车', amount: '¥45.00', method: '分付', status: '支付成功', tradeNo: '4200006666202610256666666666', merchantOrderNo: 'DD20261025006' }),
  row({ time: '2026-10-20 12:00:00', type: '信用卡还款', counterparty: '招商银行', item: '招商银行信用卡还款', direction: '/', amount: '¥500.00', method: '零钱', status: '支付成功', tradeNo: '1000077777202610207777777777' })
]

/** 白条: AirPods 1,299.00, 纸巾 44.00 fully refunded, 电饭煲 299.00, a 100.00 repayment; 先享后付 199.00; a debit-card purchase. */
export const JD_ROWS: readonly FixtureRow[] = [
  row({ time: '2026-11-03 10:00:00', type: '数码', counterparty: '京东平台商户', item: 'Apple AirPods', amount: '1,299.00', method: '白条', tradeNo: '300011111111', merchantOrderNo: '300011111111' }),
  row({ time: '2026-11-02 11:00:00', type: '日用', counterparty: '京东平台商户', item: '纸巾', amount: '44.00(已全额退款)', method: '白条', tradeNo: '300022222222', merchantOrderNo: '300022222222' }),
  row({ time: '2026-11-01 12:00:00', type: '数码', counterparty: '京东平台商户', item: '键盘', amount: '199.00', method: '先享后付', tradeNo: '300033333333', merchantOrderNo: '300033333333' }),
  row({ time: '2026-10-30 09:00:00', type: '白条', counterparty: '京东金融', item: '白条还款', direction: '不计收支', amount: '100.00', method: '小金库', tradeNo: '300044444444', merchantOrderNo: '300044444444' }),
  row({ time: '2026-10-20 15:00:00', type: '家电', counterparty: '京东平台商户', item: '电饭煲', amount: '299.00', method: '白条', tradeNo: '300055555555', merchantOrderNo: '300055555555' }),
  row({ time: '2026-10-10 18:00:00', type: '食品', counterparty: '京东平台商户', item: '水果', amount: '59.00', method: '招商银行储蓄卡(1234)', tradeNo: '300066666666', merchantOrderNo: '300066666666' })
]

/** 美团月付: 外卖 28.00 (32.00 before a coupon) refunded 5.00, 酒店 199.00, a 20.00 repayment; a 微信支付 ride (ignored). */
export const MEITUAN_ROWS: readonly FixtureRow[] = [
  row({ time: '2026-11-04 12:00:00', type: '支付', item: '美团外卖-黄焖鸡米饭', amount: '¥28.00', listAmount: '¥32.00', method: '美团月付', tradeNo: 'MT40001111', merchantOrderNo: 'WM1104001' }),
  row({ time: '2026-11-04 13:00:00', type: '退款', item: '退款-美团外卖-黄焖鸡米饭', direction: '收入', amount: '¥5.00', method: '美团月付', tradeNo: 'MT40002222', merchantOrderNo: 'WM1104001' }),
  row({ time: '2026-11-01 09:00:00', type: '还款', item: '美团月付还款', direction: '不计收支', amount: '¥20.00', method: '零钱', tradeNo: 'MT40003333' }),
  row({ time: '2026-10-25 20:00:00', type: '支付', item: '美团酒店-如家', amount: '¥199.00', method: '美团月付', tradeNo: 'MT40004444', merchantOrderNo: 'JD1025004' }),
  row({ time: '2026-10-20 08:00:00', type: '支付', item: '美团单车', amount: '¥1.50', method: '微信支付', tradeNo: 'MT40005555', merchantOrderNo: 'BK1020005' })
]

/** A row whose amount and whose date are not what a bill writes, to put among good rows. */
export function malformed(base: FixtureRow, fields: Partial<FixtureRow>): FixtureRow {
  return { ...base, ...fields }
}

/** A fraction in [0, 1) from a row number and a salt (Knuth's multiplicative hash): the same file on every run. */
function spread(i: number, salt: number): number {
  return (Math.imul(i * 31 + salt, 0x9e3779b1) >>> 0) / 4294967296
}

const pad = (n: number, w = 2) => n.toString().padStart(w, '0')

/**
 * A year of Alipay bills with `count` rows, newest first: about half paid with 花呗, the rest by
 * debit card, and every thousandth row a 花呗 repayment of 10.00, well under what was spent before it.
 */
export function largeAlipayRows(count: number, seed = 7): FixtureRow[] {
  const merchants = ['饿了么', '淘宝', '天猫', '盒马', '滴滴出行', '美团', '星巴克', '京东']
  const rows: FixtureRow[] = []
  for (let i = 0; i < count; i++) {
    // Spread over January to November 2026, later rows earlier in the year.
    const dayOfYear = Math.floor(((count - 1 - i) / count) * 330)
    const month = Math.min(12, Math.floor(dayOfYear / 30) + 1)
    const day = (dayOfYear % 28) + 1
    const time = `2026-${pad(month)}-${pad(day)} ${pad(Math.floor(spread(i, seed) * 24))}:${pad(Math.floor(spread(i, seed + 1) * 60))}:${pad(Math.floor(spread(i, seed + 2) * 60))}`
    const merchant = merchants[Math.floor(spread(i, seed + 3) * merchants.length)]!
    const yuan = (5 + spread(i, seed + 4) * 300).toFixed(2)
    const credit = spread(i, seed + 5) < 0.5
    const no = `2026${pad(month)}${pad(day)}22001${pad(i, 10)}${pad(seed, 4)}`
    if (i % 1000 === 500) {
      rows.push(row({ time, type: '信用借还', counterparty: '花呗', item: '花呗主动还款', direction: '不计收支', amount: '10.00', method: '余额宝', status: '还款成功', tradeNo: no }))
      continue
    }
    rows.push(row({ time, type: '日常消费', counterparty: merchant, item: `${merchant}订单${i}`, amount: yuan, method: credit ? '花呗' : '招商银行储蓄卡(1234)', tradeNo: no, merchantOrderNo: `M${no}` }))
  }
  return rows
}

/**
 * A workbook of a few kilobytes whose one sheet holds a header row and one cell at `farCell`
 * (XFD1048576 by default): laid out as a grid, that sheet is 17 billion cells.
 */
export function farCellXlsx(farCell = 'XFD1048576'): Uint8Array {
  const row = /\d+$/.exec(farCell)?.[0] ?? '1'
  const header = WECHAT_HEADER.map((name, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${name}</t></is></c>`).join('')
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header}</row><row r="${row}"><c r="${farCell}" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`
    )
  }
  return zipSync(files, { level: 9 })
}
