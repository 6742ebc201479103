// Owns the UI text of fast entry: the N chooser and the Ctrl/⌘+K search, in both languages.
export const entryZh = {
  'entry.chooserTitle': '新增什么？',
  'entry.chooserHint': '按数字键 1–5 直接选择，Esc 关闭',
  'entry.kind.draw': '借款',
  'entry.kind.order': '先用后付订单',
  'entry.kind.repayment': '还款',
  'entry.kind.account': '账户',
  'entry.kind.inquiry': '征信查询',
  'entry.addKind': '新增{kind}（按 {key}）',
  'entry.searchTitle': '搜索记录',
  'entry.searchLabel': '搜索账户、借款、订单和还款',
  'entry.searchPlaceholder': '商户、商品、订单号、金额或账户名',
  'entry.searchHint': '↑↓ 选择，Enter 打开，Esc 关闭',
  'entry.searchEmpty': '没有找到匹配的记录',
  'entry.searchStart': '输入文字或金额开始搜索',
  'entry.searchResults': '搜索结果',
  'entry.kind.searchAccount': '账户',
  'entry.kind.searchDraw': '借款',
  'entry.kind.searchOrder': '订单',
  'entry.kind.searchRepayment': '还款'
}

export const entryEn: Record<keyof typeof entryZh, string> = {
  'entry.chooserTitle': 'Add what?',
  'entry.chooserHint': 'Press 1–5 to choose, Esc to close',
  'entry.kind.draw': 'Draw',
  'entry.kind.order': 'Pay-later order',
  'entry.kind.repayment': 'Repayment',
  'entry.kind.account': 'Account',
  'entry.kind.inquiry': 'Credit inquiry',
  'entry.addKind': 'Add {kind} (press {key})',
  'entry.searchTitle': 'Search records',
  'entry.searchLabel': 'Search accounts, draws, orders and repayments',
  'entry.searchPlaceholder': 'Merchant, item, order number, amount or account',
  'entry.searchHint': '↑↓ to choose, Enter to open, Esc to close',
  'entry.searchEmpty': 'No matching records',
  'entry.searchStart': 'Type words or an amount to search',
  'entry.searchResults': 'Search results',
  'entry.kind.searchAccount': 'Account',
  'entry.kind.searchDraw': 'Draw',
  'entry.kind.searchOrder': 'Order',
  'entry.kind.searchRepayment': 'Repayment'
}
