// Owns the detail view of one record: its fields as label/value pairs, with edit and delete at hand.
import type { ReactNode } from 'react'
import { Button, Descriptions, Drawer, Popconfirm, Space } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { CONFIRM_DELETE_BUTTON } from '@/components/buttons'

export interface DetailItem {
  label: string
  value: ReactNode
}

export function DetailDrawer(props: {
  open: boolean
  title: string
  items: DetailItem[]
  footer?: ReactNode
  /** Shown below the fields: a schedule, a list of bills. */
  extra?: ReactNode
  onClose(): void
  onEdit(): void
  onDelete(): void
  /** The same confirmation as the list's delete button. */
  deleteLabel: { name: string; cascade: number }
}) {
  const { t } = useI18n()
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      size={640}
      destroyOnHidden
      data-testid="detail-drawer"
      extra={
        <Space>
          <Button onClick={props.onEdit} data-testid="detail-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('common.confirmDelete', { name: props.deleteLabel.name })}
            description={props.deleteLabel.cascade > 0 ? t('common.confirmDeleteCascade', { count: props.deleteLabel.cascade }) : undefined}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={CONFIRM_DELETE_BUTTON}
            onConfirm={props.onDelete}
          >
            <Button danger data-testid="detail-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Descriptions className="detail-fields" column={1} bordered size="small" items={props.items.map((i, n) => ({ key: n, label: i.label, children: i.value }))} />
      {props.extra}
      {props.footer && <div className="drawer-footer">{props.footer}</div>}
    </Drawer>
  )
}
