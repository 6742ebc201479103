// Owns the add/edit dialog of every record: one zod schema decides, errors appear at their fields, nothing is written unless all is valid.
import { useEffect, type ReactNode } from 'react'
import { Form, Modal, type FormInstance } from 'antd'
import { useI18n } from '@/app/i18n-context'
import { useValidatedSubmit, type SubmitSpec } from './use-validated-submit'

export interface RecordModalProps<V extends object, R> extends SubmitSpec<V, R> {
  open: boolean
  title: string
  initialValues: V
  onClose(): void
  children: ReactNode | ((form: FormInstance) => ReactNode)
  testId?: string
}

export function RecordModal<V extends object, R>(props: RecordModalProps<V, R>) {
  const { open, title, initialValues, onClose, children, testId } = props
  // Untyped on purpose: issue paths from the schema address fields by name at run time.
  const [form] = Form.useForm()
  const { t } = useI18n()
  const { submit, saving } = useValidatedSubmit<V, R>(form, {
    ...props,
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
      data-testid={testId}
      okButtonProps={{ 'data-testid': 'modal-save' } as never}
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark="optional" className="record-form">
        {typeof children === 'function' ? children(form) : children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  )
}
