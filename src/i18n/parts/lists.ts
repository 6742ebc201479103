// Owns how lists of things read in each language: the separators and the "and N more" of a list cut short.
export const listsZh = {
  'list.sep': '；',
  'list.more': '；另有 {count} 笔',
  'list.namesSep': '、'
} as const satisfies Record<string, string>

export const listsEn: Record<keyof typeof listsZh, string> = {
  'list.sep': '; ',
  'list.more': '; and {count} more',
  'list.namesSep': ', '
}
