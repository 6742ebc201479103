// Owns what the content area shows while a page's code or the ledger is still arriving: the page's shape, not a spinner.
import { Skeleton } from 'antd'

export function PageSkeleton({ title, label }: { title?: string; label: string }) {
  return (
    <div className="page page-skeleton" data-testid="page-loading" aria-busy="true" aria-label={label} role="status">
      <div className="page-header">{title ? <h1>{title}</h1> : <Skeleton.Input active size="small" />}</div>
      <Skeleton active title={false} paragraph={{ rows: 1, width: '40%' }} />
      <Skeleton.Node active className="page-skeleton-block" style={{ width: '100%', height: 160 }}>
        <span />
      </Skeleton.Node>
      <Skeleton active title={false} paragraph={{ rows: 6 }} />
    </div>
  )
}
