// Owns how a size in bytes reads (1.5 MB, 2.31 GB): the same text in every locale.

const KB = 1024
const MB = KB * 1024
const GB = MB * 1024

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < MB) return `${Math.max(1, Math.ceil(bytes / KB))} KB`
  if (bytes < GB) return `${(bytes / MB).toFixed(1)} MB`
  return `${(bytes / GB).toFixed(2)} GB`
}
