// Tests recognising credit products in payment methods, repayment rows and instalment counts.
import { describe, expect, it } from 'vitest'
import { creditProduct, instalmentsOf, repaymentOf } from './products'

describe('creditProduct', () => {
  it.each([
    ['花呗', '花呗', 'bnplStatement'],
    ['花呗分期(3期)', '花呗', 'bnplStatement'],
    ['花呗&红包', '花呗', 'bnplStatement'],
    ['分付', '分付', 'bnplStatement'],
    ['京东白条', '白条', 'bnplStatement'],
    ['美团月付', '美团月付', 'bnplStatement'],
    ['抖音月付', '抖音月付', 'bnplStatement'],
    ['先用后付', '先用后付', 'payLaterOrder'],
    ['先享后付', '先享后付', 'payLaterOrder'],
    ['招商银行信用卡(5678)', '招商银行信用卡(5678)', 'creditCard'],
    ['中国工商银行信用卡（1234）', '中国工商银行信用卡(1234)', 'creditCard'],
    ['红包&招商银行信用卡(5678)', '招商银行信用卡(5678)', 'creditCard']
  ])('%s is %s (%s)', (method, name, kind) => {
    expect(creditProduct(method)).toEqual({ name, kind })
  })

  it.each(['招商银行储蓄卡(1234)', '余额宝', '零钱', '账户余额', '微信支付', '小金库', ''])('%j is not credit', (method) => {
    expect(creditProduct(method)).toBeNull()
  })
})

describe('repaymentOf', () => {
  it('finds the product a repayment row pays', () => {
    expect(repaymentOf('信用借还', '花呗主动还款-2026年10月账单', '花呗')).toEqual({ kind: 'product', product: { name: '花呗', kind: 'bnplStatement' } })
    expect(repaymentOf('分付还款', '分付还款', '分付')).toEqual({ kind: 'product', product: { name: '分付', kind: 'bnplStatement' } })
    expect(repaymentOf('还款', '美团月付还款', '')).toEqual({ kind: 'product', product: { name: '美团月付', kind: 'bnplStatement' } })
    expect(repaymentOf('白条', '白条还款', '京东金融')).toEqual({ kind: 'product', product: { name: '白条', kind: 'bnplStatement' } })
  })

  it('names a credit card by its bank and, when shown, its last digits', () => {
    expect(repaymentOf('信用卡还款', '招商银行信用卡还款', '招商银行')).toEqual({ kind: 'product', product: { name: '招商银行信用卡', kind: 'creditCard' } })
    expect(repaymentOf('信用借还', '信用卡还款(5678)', '招商银行')).toEqual({ kind: 'product', product: { name: '招商银行信用卡(5678)', kind: 'creditCard' } })
  })

  it('tells cash-loan repayments apart and ignores rows that repay nothing', () => {
    expect(repaymentOf('信用借还', '借呗还款', '借呗')).toEqual({ kind: 'loan' })
    expect(repaymentOf('餐饮美食', '外卖', '饿了么')).toBeNull()
    expect(repaymentOf('转账', '还款给朋友', '张三')).toBeNull()
  })
})

describe('instalmentsOf', () => {
  it('reads the count of 分期', () => {
    expect(instalmentsOf('花呗分期(3期)')).toBe(3)
    expect(instalmentsOf('白条分期 12期')).toBe(12)
    expect(instalmentsOf('花呗')).toBe(1)
    expect(instalmentsOf('分期(99期)')).toBe(1)
  })
})
