// Tests the calendar file: written by ical-generator, read back by Mozilla's ical.js (a parser that shares no code with the writer): stable UIDs, cancellations, alarms, folding, escaping, exact amounts, the 12-month window, and no dependence on the machine's time zone.
import { afterEach, describe, expect, it, vi } from 'vitest'
import ICAL from 'ical.js'
import { cash, draw, emptyLedger, order, zhima } from '@/testing/fixtures'
import type { Ledger } from '../records'
import { formatFen } from '../money'
import { dueItems, type DueItem } from './items'
import { DEFAULT_DUES_SETTINGS } from './settings'
import { duesChangedSince, duesFingerprint, eventUid, hasCalendarContent, type CalendarWords } from './calendar-export'
import { buildCalendarFile } from './ics-file'

/** Words as the feature makes them, kept plain here: the account's id stands for its name. */
const words: CalendarWords = {
  calendarName: '信用账本 · 还款',
  summary: (item) => `${item.overdue ? '已逾期 · ' : ''}还款 ${formatFen(item.amount)} · ${item.accountId}`,
  description: (item) => `应还：${formatFen(item.amount)}\n到期日：${item.dueDate}`,
  cancelledSummary: (summary) => `已取消：${summary}`
}

interface ParsedAlarm {
  action: string
  trigger: string
  seconds: number
  related: string | null
}
interface ParsedEvent {
  uid: string
  summary: string
  description: string
  start: string
  allDay: boolean
  sequence: number
  status: string | null
  alarms: ParsedAlarm[]
}

/** The events as ical.js reads them. */
function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      alarms: component.getAllSubcomponents('valarm').map((alarm) => {
        const trigger = alarm.getFirstProperty('trigger')!
        const duration = trigger.getFirstValue() as ICAL.Duration
        const related = trigger.getParameter('related')
        return { action: String(alarm.getFirstPropertyValue('action')), trigger: duration.toString(), seconds: duration.toSeconds(), related: typeof related === 'string' ? related : null }
      })
    }
  })
}

const ledgerWith = (parts: Partial<Ledger>): Ledger => ({ ...emptyLedger, ...parts })
/** 10,000.00 yuan at 0.04% a day, interest monthly and the principal at the end, over 24 months from 2026-01-01 (first due 2026-02-01). */
const longDraw = { ...draw, method: 'interestOnly', termMonths: 24 } as const
/** A 100-yuan 芝麻 order due 2026-01-05: overdue on 2026-01-10. */
const lateOrder = { ...order, id: 'late', accountId: 'zhima', orderDate: '2026-01-01', dueDate: '2026-01-05' }

function fakeItem(fields: Partial<DueItem> & Pick<DueItem, 'key' | 'dueDate' | 'amount'>): DueItem {
  return {
    kind: 'order',
    accountId: 'zhima',
    recordId: fields.key.split(':')[1] ?? null,
    clearAmount: fields.amount,
    target: { targetType: 'order', targetId: 'x' },
    period: null,
    bill: null,
    overdue: null,
    daysLeft: 0,
    ...fields
  }
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('the calendar file', () => {
  it('holds the overdue items (on the export day) and those due within 12 months, none beyond', () => {
    const items = dueItems(ledgerWith({ accounts: [cash, zhima], draws: [longDraw], orders: [lateOrder] }), '2026-01-10')
    expect(items).toHaveLength(25) // the overdue order and 24 instalments
    const file = buildCalendarFile(items, DEFAULT_DUES_SETTINGS, words, '2026-01-10', null)
    const events = parse(file.text)
    // Within 12 months of 2026-01-10 (up to 2027-01-10): instalments 1-12, 2026-02-01 to 2027-01-01; 13-24 are left out.
    expect(events.map((e) => e.start)).toEqual([
      '2026-01-10', // the order due 2026-01-05, overdue: put on the export day
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01'
    ])
    expect(file.count).toEqual({ live: 13, cancelled: 0 })
    expect(events.every((e) => e.allDay && e.status === 'CONFIRMED')).toBe(true)
    expect(events[0]!.summary).toBe('已逾期 · 还款 ¥100.00 · zhima')
    expect(events[0]!.uid).toBe('order.order-late.20260105@credit-ledger')
    expect(events[0]!.description).toBe('应还：¥100.00\n到期日：2026-01-05')
  })

  it('writes the amounts exact to the fen', () => {
    const items = dueItems(ledgerWith({ accounts: [cash], draws: [longDraw] }), '2026-01-10')
    const events = parse(buildCalendarFile(items, DEFAULT_DUES_SETTINGS, words, '2026-01-10', null).text)
    // By hand: 1,000,000 fen x 0.0004 = 400 fen of interest a day.
    // 2026-01-01 to 02-01: 31 days x 400 = 12,400 fen = ¥124.00; to 03-01: 28 days x 400 = 11,200 fen = ¥112.00;
    // to 05-01 (April, 30 days): 12,000 fen = ¥120.00.
    expect(events[0]!.summary).toBe('还款 ¥124.00 · cash')
    expect(events[1]!.summary).toBe('还款 ¥112.00 · cash')
    expect(events[3]!.summary).toBe('还款 ¥120.00 · cash')
    // A large odd amount: 123,456,789 fen = ¥1,234,567.89, not rounded through yuan.
    const big = parse(buildCalendarFile([fakeItem({ key: 'order:big', dueDate: '2026-02-01', amount: 123_456_789 })], DEFAULT_DUES_SETTINGS, words, '2026-01-10', null).text)
    expect(big[0]!.summary).toBe('还款 ¥1,234,567.89 · zhima')
    expect(big[0]!.description).toContain('应还：¥1,234,567.89')
  })

  it('keeps the UIDs of the same items across exports, whatever their order or amounts', () => {
    const ledger = ledgerWith({ accounts: [cash, zhima], draws: [longDraw], orders: [lateOrder] })
    const first = parse(buildCalendarFile(dueItems(ledger, '2026-01-10'), DEFAULT_DUES_SETTINGS, words, '2026-01-10', null).text)
    // A day later (the overdue order's penalty has grown) and the items handed over in reverse.
    const later = dueItems(ledger, '2026-01-11').reverse()
    const second = parse(buildCalendarFile(later, DEFAULT_DUES_SETTINGS, words, '2026-01-11', null).text)
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort())
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length)
    // Named by the record, the instalment and the due date; no amount in it.
    expect(first[1]!.uid).toBe('drawInstalment.draw-dr-1-1.20260201@credit-ledger')
    const a = fakeItem({ key: 'order:a', dueDate: '2026-02-01', amount: 100 })
    expect(eventUid(a)).toBe(eventUid(fakeItem({ key: 'order:a', dueDate: '2026-02-01', amount: 999 })))
  })

  it('cancels an item paid since the last export: same UID, STATUS:CANCELLED, a higher SEQUENCE', () => {
    const a = fakeItem({ key: 'order:a', dueDate: '2026-02-01', amount: 5_000 })
    const b = fakeItem({ key: 'order:b', dueDate: '2026-02-03', amount: 7_000 })
    const first = buildCalendarFile([a, b], DEFAULT_DUES_SETTINGS, words, '2026-01-10', null)
    const before = parse(first.text)
    expect(before.map((e) => [e.uid, e.sequence, e.status])).toEqual([
      [eventUid(a), 0, 'CONFIRMED'],
      [eventUid(b), 0, 'CONFIRMED']
    ])
    // b was paid: it is gone from the dues.
    const second = buildCalendarFile([a], DEFAULT_DUES_SETTINGS, words, '2026-01-10', first.exportedState)
    const after = parse(second.text)
    expect(second.count).toEqual({ live: 1, cancelled: 1 })
    expect(after.map((e) => [e.uid, e.sequence, e.status, e.start])).toEqual([
      [eventUid(a), 0, 'CONFIRMED', '2026-02-01'], // unchanged: same SEQUENCE
      [eventUid(b), 1, 'CANCELLED', '2026-02-03']
    ])
    expect(after[1]!.summary).toBe('已取消：还款 ¥70.00 · zhima')
    expect(after[1]!.alarms).toEqual([])
    // a's amount changes: the event is updated, SEQUENCE 1; b is sent cancelled again, not raised twice.
    const third = buildCalendarFile([{ ...a, amount: 6_000 }], DEFAULT_DUES_SETTINGS, words, '2026-01-12', second.exportedState)
    expect(parse(third.text).map((e) => [e.uid, e.sequence, e.status])).toEqual([
      [eventUid(a), 1, 'CONFIRMED'],
      [eventUid(b), 1, 'CANCELLED']
    ])
    // More than 30 days after its date the cancellation is no longer sent; an item that comes back goes above its cancelled SEQUENCE.
    expect(parse(buildCalendarFile([a], DEFAULT_DUES_SETTINGS, words, '2026-03-06', second.exportedState).text).map((e) => e.uid)).toEqual([eventUid(a)])
    expect(parse(buildCalendarFile([a, b], DEFAULT_DUES_SETTINGS, words, '2026-01-13', second.exportedState).text).find((e) => e.uid === eventUid(b))!.sequence).toBe(2)
  })

  it('sets the alarms at the reminder lead days and hour', () => {
    const item = fakeItem({ key: 'order:a', dueDate: '2026-02-10', amount: 100 })
    const events = parse(buildCalendarFile([item], { remindersEnabled: true, leadDays: [1, 3, 0], remindAt: '09:00' }, words, '2026-01-10', null).text)
    // The event is all day from 2026-02-10 00:00 (local, floating); the alarms count from that start:
    //   3 days before at 09:00 = -72 h + 9 h = -63 h = -2 days 15 hours -> -P2DT15H = -226,800 s (2026-02-07 09:00)
    //   1 day before at 09:00  = -24 h + 9 h = -15 h                    -> -PT15H    =  -54,000 s (2026-02-09 09:00)
    //   on the day at 09:00    = +9 h                                  -> PT9H      =  +32,400 s (2026-02-10 09:00)
    expect(events[0]!.alarms).toEqual([
      { action: 'DISPLAY', trigger: '-P2DT15H', seconds: -226_800, related: 'START' },
      { action: 'DISPLAY', trigger: '-PT15H', seconds: -54_000, related: 'START' },
      { action: 'DISPLAY', trigger: 'PT9H', seconds: 32_400, related: 'START' }
    ])
    // 21:30 the day before: -24 h + 21.5 h = -2.5 h -> -PT2H30M = -9,000 s.
    const evening = parse(buildCalendarFile([item], { remindersEnabled: true, leadDays: [1], remindAt: '21:30' }, words, '2026-01-10', null).text)
    expect(evening[0]!.alarms.map((a) => [a.trigger, a.seconds])).toEqual([['-PT2H30M', -9_000]])
    // Reminders off: no alarms.
    expect(parse(buildCalendarFile([item], { ...DEFAULT_DUES_SETTINGS, remindersEnabled: false }, words, '2026-01-10', null).text)[0]!.alarms).toEqual([])
  })

  it('puts a late item on the export day with one alarm at the reminder hour', () => {
    const late = fakeItem({ key: 'order:late', dueDate: '2026-01-05', amount: 100, overdue: { days: 5, penalty: 38 }, daysLeft: -5 })
    const events = parse(buildCalendarFile([late], { remindersEnabled: true, leadDays: [3, 1], remindAt: '09:00' }, words, '2026-01-10', null).text)
    expect(events[0]!.start).toBe('2026-01-10')
    expect(events[0]!.alarms.map((a) => a.trigger)).toEqual(['PT9H'])
    // A bill past its due day but within its grace days is not overdue, yet it is to be paid now: the export day too.
    const inGrace = fakeItem({ key: 'bill:huabei:2026-01-09', kind: 'bill', dueDate: '2026-01-09', amount: 100, daysLeft: -1 })
    const graced = parse(buildCalendarFile([inGrace], { remindersEnabled: true, leadDays: [3, 1], remindAt: '09:00' }, words, '2026-01-10', null).text)
    expect(graced.map((e) => [e.start, e.summary, e.alarms.map((a) => a.trigger)])).toEqual([['2026-01-10', '还款 ¥1.00 · zhima', ['PT9H']]])
  })

  it('folds long lines at 75 octets without splitting a Chinese character, and escapes , ; \\ and newlines', () => {
    const summary = '还款提醒，招商银行信用卡；账单分期\\第 2/12 期, 含手续费; 以及一段很长很长的中文说明文字，用来测试折行是否会把一个汉字切成两半'
    const description = '第一行：应还 ¥1,234.56\n第二行; 分号, 逗号 \\ 反斜杠\n第三行 — 结束'
    const special: CalendarWords = { ...words, summary: () => summary, description: () => description }
    const text = buildCalendarFile([fakeItem({ key: 'order:a', dueDate: '2026-02-10', amount: 123_456 })], DEFAULT_DUES_SETTINGS, special, '2026-01-10', null).text
    const bytes = new TextEncoder().encode(text)
    // Split the raw bytes at CRLF and decode each physical line strictly: a line that ends inside a character throws.
    const lines: string[] = []
    let start = 0
    for (let i = 0; i < bytes.length; i++)
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i)
        expect(line.length).toBeLessThanOrEqual(75)
        lines.push(new TextDecoder('utf-8', { fatal: true }).decode(line))
        start = i + 2
      }
    expect(new TextDecoder().decode(bytes.subarray(start))).toBe('') // every line ends with CRLF, the last one too
    expect(text).not.toMatch(/[^\r]\n/) // no bare LF
    const continued = lines.filter((l) => l.startsWith(' '))
    expect(continued.length).toBeGreaterThan(2) // the long summary and description were folded
    // Escaped as RFC 5545 says: \, \; \\ and \n for a newline.
    const unfolded = text.replace(/\r\n /g, '')
    expect(unfolded).toContain('SUMMARY:还款提醒，招商银行信用卡；账单分期\\\\第 2/12 期\\, 含手续费\\; 以及')
    expect(unfolded).toContain('DESCRIPTION:第一行：应还 ¥1\\,234.56\\n第二行\\; 分号\\, 逗号 \\\\ 反斜杠\\n第三行 — 结束')
    // And read back whole by the other library.
    const [event] = parse(text)
    expect(event!.summary).toBe(summary)
    expect(event!.description).toBe(description)
  })

  it('writes the same file in every time zone', () => {
    const items = dueItems(ledgerWith({ accounts: [cash, zhima], draws: [longDraw], orders: [lateOrder] }), '2026-01-10')
    const offsets: number[] = []
    const texts = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((tz) => {
      vi.stubEnv('TZ', tz)
      offsets.push(new Date(Date.UTC(2026, 0, 10)).getTimezoneOffset())
      return buildCalendarFile(items, DEFAULT_DUES_SETTINGS, words, '2026-01-10', null).text
    })
    // The zone really changed under the builder (minutes behind UTC: Shanghai -480, Los Angeles 480, Kiritimati -840).
    expect(offsets).toEqual([-480, 480, -840, 0])
    expect(new Set(texts).size).toBe(1)
    expect(texts[0]).toContain('DTSTART;VALUE=DATE:20260201\r\n')
    expect(texts[0]).toContain('DTEND;VALUE=DATE:20260202\r\n')
    expect(texts[0]).toContain('DTSTAMP:20260110T000000Z\r\n')
    expect(texts[0]).not.toContain('VTIMEZONE')
  })

  it('tells when the dues changed since the last export, but not for a penalty that grows by the day', () => {
    const a = fakeItem({ key: 'order:a', dueDate: '2026-02-01', amount: 5_000 })
    const late = fakeItem({ key: 'order:late', dueDate: '2026-01-05', amount: 100, overdue: { days: 5, penalty: 38 }, daysLeft: -5 })
    const state = buildCalendarFile([a, late], DEFAULT_DUES_SETTINGS, words, '2026-01-10', null).exportedState
    expect(duesChangedSince(null, [a], '2026-01-10')).toBe(false)
    expect(duesChangedSince(state, [a, late], '2026-01-10')).toBe(false)
    expect(duesChangedSince(state, [late, a], '2026-01-11')).toBe(false)
    expect(duesChangedSince(state, [a, { ...late, amount: 140, overdue: { days: 6, penalty: 46 } }], '2026-01-11')).toBe(false)
    expect(duesChangedSince(state, [a], '2026-01-10')).toBe(true) // the overdue order was paid
    expect(duesChangedSince(state, [{ ...a, amount: 5_001 }, late], '2026-01-10')).toBe(true)
    expect(duesChangedSince(state, [a, late, fakeItem({ key: 'order:new', dueDate: '2026-03-01', amount: 1 })], '2026-01-10')).toBe(true)
    expect(duesFingerprint([], '2026-01-10')).toBe(duesFingerprint([], '2026-02-10'))
  })

  it('has nothing to export with no dues and no earlier events to cancel', () => {
    expect(hasCalendarContent([], null, '2026-01-10')).toBe(false)
    const a = fakeItem({ key: 'order:a', dueDate: '2026-02-01', amount: 5_000 })
    const state = buildCalendarFile([a], DEFAULT_DUES_SETTINGS, words, '2026-01-10', null).exportedState
    // a was paid: the file still has its cancellation to send.
    expect(hasCalendarContent([], state, '2026-01-11')).toBe(true)
    const empty = buildCalendarFile([], DEFAULT_DUES_SETTINGS, words, '2026-01-10', null)
    expect(parse(empty.text)).toEqual([])
    expect(empty.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
  })
})
