// Owns the add/edit dialog of every record: one zod schema decides, errors appear at their fields, nothing is written unless all is valid.
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { Form, Modal, type ButtonProps, type FormInstance } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { newId } from '@/domain/record-ids'
import type { FormParser } from './form-parse'
import { useValidatedSubmit, type SubmitSpec } from './use-validated-submit'

export interface RecordModalProps<V extends object, R> extends Omit<SubmitSpec<V, R>, 'build'> {
  open: boolean
  /** The id of the record being edited; a new record gets one id per opening of the dialog. */
  recordId: string | undefined
  build(values: V, parser: FormParser, id: string): unknown
  title: string
  initialValues: V
  onClose(): void
  children: ReactNode | ((form: FormInstance) => ReactNode)
  testId?: string
}

/** The fields a user can type or pick in, in order: inputs (including an antd Select's and DatePicker's) and text areas. */
function fieldsOf(root: HTMLElement | null): HTMLElement[] {
  if (!root) return []
  return [...root.querySelectorAll<HTMLElement>('input:not([type="hidden"]):not([disabled]):not([aria-hidden="true"]), textarea:not([disabled])')].filter(
    (el) => el.getClientRects().length > 0
  )
}

/**
 * Enter in a record form, one rule for every form:
 * - in a text area it is a new line; in an antd Select it is the Select's own (open the list, pick the option);
 * - in a date picker it confirms the typed or highlighted date (the picker's own handling, which runs first) and
 *   does nothing more, so a date is never saved half-typed;
 * - in any other field it saves only when the whole form is complete and valid, and otherwise moves to the next field
 *   (from the last field, to the first). The browser's own submit-on-Enter is always cancelled, so a half-filled form
 *   never reaches the save path and never shows "please fix the red fields" from a keystroke; the Save button still
 *   shows every problem at its field.
 * IME composition (typing Chinese) keeps its Enter.
 */
function enterAction(e: KeyboardEvent<HTMLElement>, complete: () => boolean): 'none' | 'confirm' | 'submit' | 'next' {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return 'none'
  const target = e.target instanceof HTMLElement ? e.target : null
  if (!target || target.tagName !== 'INPUT') return 'none'
  if (target.closest('.ant-select')) return 'none'
  if (target.closest('.ant-picker')) return 'confirm'
  return complete() ? 'submit' : 'next'
}

const SAVE_BUTTON: ButtonProps & { 'data-testid': string } = { 'data-testid': 'modal-save' }

export function RecordModal<V extends object, R>(props: RecordModalProps<V, R>) {
  const { open, title, initialValues, onClose, children, testId } = props
  // Untyped on purpose: issue paths from the schema address fields by name at run time.
  const [form] = Form.useForm()
  const { t } = useI18n()
  // One id per opening: a second Enter while saving must not create a second record.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `open` is the point: a new id each time the dialog opens.
  const id = useMemo(() => props.recordId ?? newId(), [props.recordId, open])
  const body = useRef<HTMLDivElement>(null)
  const { submit, complete, saving } = useValidatedSubmit<V, R>(form, {
    ...props,
    build: (values, parser) => props.build(values, parser, id),
    onSaved: (record) => {
      props.onSaved?.(record)
      onClose()
    }
  })

  // Before the first paint of an opening (a layout effect): a passive effect could run after a fast
  // typist's first keys and reset them.
  useLayoutEffect(() => {
    if (open) {
      form.resetFields()
      form.setFieldsValue(initialValues)
    }
    // initialValues is rebuilt on every render of the caller; resetting when the dialog opens is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const action = enterAction(e, complete)
    if (action === 'none') return
    e.preventDefault()
    if (action === 'submit') form.submit()
    else if (action === 'next') {
      const fields = fieldsOf(body.current)
      const at = fields.indexOf(e.target as HTMLElement)
      fields[(at + 1) % fields.length]?.focus()
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
      // On the wrap, not the root: the root has no size, so a test waiting for it to hide would not wait.
      wrapProps={{ 'data-testid': testId }}
      okButtonProps={SAVE_BUTTON}
      // Every form opens with its first field focused (antd focuses the dialog itself, so an autoFocus would be lost).
      afterOpenChange={(opened) => {
        if (opened) fieldsOf(body.current)[0]?.focus()
      }}
    >
      <div ref={body}>
        <Form form={form} layout="vertical" onFinish={() => void submit()} onKeyDown={onKeyDown} requiredMark="optional" className="record-form">
          {typeof children === 'function' ? children(form) : children}
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Modal>
  )
}
