// Test support: the final sentence of a risk flag, check or plan step in each language, so rule tests check the wording the catalogues give.
import type { Message } from '@/domain/message'
import { translateMessage, type MessageKey } from '@/i18n'

export const zh = (message: Message<MessageKey>): string => translateMessage('zh-CN', message)
export const en = (message: Message<MessageKey>): string => translateMessage('en', message)
