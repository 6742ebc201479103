// Owns the submit path shared by every form: parse the fields, let the store's zod schema decide, show each issue at its field.
import { useRef, useState } from 'react'
import { App as AntApp, type FormInstance } from 'antd'
import type { z } from 'zod'
import { isValidationError } from '@/domain/validation-error'
import { check, type FieldIssue } from '@/domain/records'
import { useI18n } from '@/state/i18n-context'
import { createFormParser, type FormParser } from './form-parse'

export interface SubmitSpec<V, R> {
  schema: z.ZodType<R>
  build(values: V, parser: FormParser): unknown
  save(record: unknown): Promise<R>
  onSaved?(record: R): void
}

export interface ValidatedSubmit {
  submit(): Promise<void>
  /** Whether the form as it stands would pass (fields parse and the schema accepts the record), showing nothing. */
  complete(): boolean
  saving: boolean
}

export function useValidatedSubmit<V, R>(form: FormInstance, spec: SubmitSpec<V, R>): ValidatedSubmit {
  const { t, tk } = useI18n()
  const { message } = AntApp.useApp()
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const showIssues = (issues: FieldIssue[]) => {
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })))
    const byField = new Map<string, string>()
    for (const issue of issues) if (!byField.has(issue.path)) byField.set(issue.path, tk(issue.message))
    // Field names are the record's own, so an issue's path names the form field.
    form.setFields([...byField].map(([path, text]) => ({ name: path.split('.'), errors: [text] })))
    void message.error(t('common.fixErrors'))
  }

  const submit = async () => {
    if (busy.current) return
    const values = form.getFieldsValue(true) as V
    const parser = createFormParser()
    const record = spec.build(values, parser)
    if (parser.issues.length > 0) {
      const probe = typeof record === 'object' && record !== null ? { ...record, ...parser.placeholders } : record
      const rest = check(spec.schema, probe)
      const parsedPaths = new Set(parser.issues.map((i) => i.path))
      showIssues([...parser.issues, ...(rest.ok ? [] : rest.issues.filter((i) => !parsedPaths.has(i.path)))])
      return
    }
    busy.current = true
    setSaving(true)
    try {
      const saved = await spec.save(record)
      form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })))
      void message.success(t('common.saved'))
      spec.onSaved?.(saved)
    } catch (e) {
      if (isValidationError(e)) showIssues(e.issues)
      else void message.error(t('common.saveFailed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      busy.current = false
      setSaving(false)
    }
  }
  const complete = () => {
    const parser = createFormParser()
    const record = spec.build(form.getFieldsValue(true) as V, parser)
    return parser.issues.length === 0 && check(spec.schema, record).ok
  }
  return { submit, complete, saving }
}
