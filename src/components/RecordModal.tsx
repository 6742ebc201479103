// Owns the add/edit dialog of every record: one zod schema decides, errors appear at their fields, nothing is written unless all is valid.
import { useEffect, useMemo, type ReactNode } from 'react'
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

const SAVE_BUTTON: ButtonProps & { 'data-testid': string } = { 'data-testid': 'modal-save' }

export function RecordModal<V extends object, R>(props: RecordModalProps<V, R>) {
  const { open, title, initialValues, onClose, children, testId } = props
  // Untyped on purpose: issue paths from the schema address fields by name at run time.
  const [form] = Form.useForm()
  const { t } = useI18n()
  // One id per opening: a second Enter while saving must not create a second record.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `open` is the point: a new id each time the dialog opens.
  const id = useMemo(() => props.recordId ?? newId(), [props.recordId, open])
  const { submit, saving } = useValidatedSubmit<V, R>(form, {
    ...props,
    build: (values, parser) => props.build(values, parser, id),
    onSaved: (record) => {
      props.onSaved?.(record)
      onClose()
    }
  })

  useEffect(() => {
    if (open) {
      form.resetFields()
      form.setFieldsValue(initialValues)
    }
    // initialValues is rebuilt on every render of the caller; resetting when the dialog opens is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

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
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark="optional" className="record-form">
        {typeof children === 'function' ? children(form) : children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  )
}
