// Tests telling the four bill exports apart by their header columns and preamble.
import { describe, expect, it } from 'vitest'
import { ALIPAY_HEADER, JD_HEADER, MEITUAN_HEADER, WECHAT_HEADER } from '@/testing/bill-fixtures'
import { detectSource, isHeaderRow, normaliseHeader } from './sources'

describe('detectSource', () => {
  it('recognises each export by its columns', () => {
    expect(detectSource(ALIPAY_HEADER, '')?.source).toBe('alipay')
    expect(detectSource(WECHAT_HEADER, '')?.source).toBe('wechat')
    expect(detectSource(JD_HEADER, '')?.source).toBe('jd')
    expect(detectSource(MEITUAN_HEADER, '')?.source).toBe('meituan')
  })

  it('points each field at its column and finds nothing missing', () => {
    const d = detectSource(JD_HEADER, '')!
    expect(d.missing).toEqual([])
    expect(d.index.amount).toBe(3)
    expect(d.index.counterparty).toBe(1)
    expect(detectSource(MEITUAN_HEADER, '')!.index.amount).toBe(MEITUAN_HEADER.indexOf('实付金额'))
  })

  it('lets the preamble decide when the columns alone cannot', () => {
    const shared = ['交易时间', '金额', '收/付款方式', '交易状态', '收/支', '交易分类', '交易订单号', '商家订单号', '备注']
    expect(detectSource(shared, '京东账号名：jd_user')?.source).toBe('jd')
    expect(detectSource(shared, '支付宝账户：138****0000')?.source).toBe('alipay')
  })

  it('names the required columns a recognised header lacks, but not optional ones', () => {
    const d = detectSource(
      WECHAT_HEADER.filter((c) => c !== '支付方式' && c !== '备注'),
      ''
    )!
    expect(d.source).toBe('wechat')
    expect(d.missing).toEqual(['支付方式'])
  })

  it('returns null for a header that matches no export', () => {
    expect(detectSource(['交易时间', '温度', '湿度'], '')).toBeNull()
  })

  it('accepts full-width brackets and stray spaces in column names', () => {
    const header = WECHAT_HEADER.map((c) => (c === '金额(元)' ? ' 金额（元） ' : c))
    expect(detectSource(header, '')?.missing).toEqual([])
    expect(normaliseHeader('收 / 支')).toBe('收/支')
  })
})

describe('isHeaderRow', () => {
  it('knows a header by its first cell', () => {
    expect(isHeaderRow(['交易时间', 'x'])).toBe(true)
    expect(isHeaderRow(['\uFEFF交易创建时间'])).toBe(true)
    expect(isHeaderRow(['2026-11-01'])).toBe(false)
    expect(isHeaderRow([])).toBe(false)
  })
})
