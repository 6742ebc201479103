// Owns the detail view of one record: its fields as label/value pairs, with edit and delete at hand.
import type { ReactNode } from 'react'
import { Button, Descriptions, Drawer, Space } from 'antd'
import { useI18n } from '@/app/i18n-context'

export interface DetailItem {
  label: string
  value: ReactNode
}

export function DetailDrawer(props: {
  open: boolean
  title: string
  items: DetailItem[]
  footer?: ReactNode
  onClose(): void
  onEdit(): void
  onDelete(): void
}) {
  const { t } = useI18n()
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      size={480}
      destroyOnHidden
      data-testid="detail-drawer"
      extra={
        <Space>
          <Button onClick={props.onEdit} data-testid="detail-edit">
            {t('common.edit')}
          </Button>
          <Button danger onClick={props.onDelete} data-testid="detail-delete">
            {t('common.delete')}
          </Button>
        </Space>
      }
    >
      <Descriptions column={1} bordered size="small" items={props.items.map((i, n) => ({ key: n, label: i.label, children: i.value }))} />
      {props.footer && <div className="drawer-footer">{props.footer}</div>}
    </Drawer>
  )
}
