// Owns how domain code says something to a person without words of its own: a catalogue key with its parameters, rendered by i18n in whichever language the screen or the report uses.

/**
 * A sentence the catalogues hold, by key. Parameters are data (names, dates, formatted amounts,
 * counts) or further messages and lists, so a sentence can name records the way each language
 * does. `K` is the closed set of keys the producing module may use, so a typo is a compile error.
 */
export interface Message<K extends string = string> {
  readonly key: K
  readonly params?: Readonly<Record<string, MessageParam<K>>>
}

/**
 * Items listed as a person would: `list` with the language's separator, naming at most `max` and
 * counting the rest ("；另有 2 笔", "; and 2 more"); `names` with the separator for names (、 or ,).
 */
export interface MessageList<K extends string = string> {
  readonly join: 'list' | 'names'
  readonly items: readonly MessageParam<K>[]
  readonly max?: number
}

export type MessageParam<K extends string = string> = string | number | Message<K> | MessageList<K>

export function isMessageList<K extends string>(param: MessageParam<K>): param is MessageList<K> {
  return typeof param === 'object' && 'join' in param
}
