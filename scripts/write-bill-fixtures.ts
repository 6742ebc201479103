// Owns writing the test bills to a folder, to try the import wizard by hand: npx tsx scripts/write-bill-fixtures.ts <folder>
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ALIPAY_ROWS,
  JD_ROWS,
  MEITUAN_ROWS,
  WECHAT_ROWS,
  alipayCsv,
  jdCsv,
  largeAlipayRows,
  malformed,
  meituanCsv,
  wechatCsv,
  wechatXlsx
} from '../src/testing/bill-fixtures'

const folder = process.argv[2]
if (!folder) {
  console.error('usage: npx tsx scripts/write-bill-fixtures.ts <folder>')
  process.exit(1)
}
mkdirSync(folder, { recursive: true })
const files: [string, Uint8Array][] = [
  ['支付宝交易明细.csv', alipayCsv(ALIPAY_ROWS)],
  ['微信支付账单.csv', wechatCsv(WECHAT_ROWS)],
  ['微信支付账单.xlsx', await wechatXlsx(WECHAT_ROWS)],
  ['京东交易流水.csv', jdCsv(JD_ROWS)],
  ['美团账单.csv', meituanCsv(MEITUAN_ROWS)],
  ['支付宝-有坏行.csv', alipayCsv([ALIPAY_ROWS[0]!, malformed(ALIPAY_ROWS[2]!, { amount: '29..9' }), malformed(ALIPAY_ROWS[3]!, { time: '2026-02-30 10:00:00' })])],
  ['支付宝-一年-10000行.csv', alipayCsv(largeAlipayRows(10_000))]
]
for (const [name, bytes] of files) writeFileSync(join(folder, name), bytes)
console.log(`wrote ${files.length} bills to ${folder}`)
