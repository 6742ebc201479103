// Owns how money looks on screen: ¥1,234.56, right-aligned digits, red when it is a debt that matters.
import { formatFen, type Fen } from '@/domain/money'

export function Money({ fen, strong, danger }: { fen: Fen | null | undefined; strong?: boolean; danger?: boolean }) {
  if (fen === null || fen === undefined) return <span className="money muted">—</span>
  const className = ['money', strong ? 'strong' : '', danger && fen > 0 ? 'danger' : ''].filter(Boolean).join(' ')
  return <span className={className}>{formatFen(fen)}</span>
}
