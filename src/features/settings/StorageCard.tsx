// Owns the storage card of Settings: whether the browser keeps the data persistently (asked again only on a click), how much is used and allowed, the disk's room on the desktop, and where the copies outside the database are.
import { useCallback, useEffect, useState } from 'react'
import { App as AntApp, Button, Card, Descriptions, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { formatBytes } from '@/components/format-bytes'
import type { CopyInfo, CopyStore } from '@/db/copies'
import { platform, type StorageStatus } from '@/platform'

export function StorageCard() {
  const { t } = useI18n()
  const { message } = AntApp.useApp()
  const [status, setStatus] = useState<StorageStatus | null>(null)
  const [store, setStore] = useState<{ store: CopyStore | null; copies: CopyInfo[] } | null>(null)
  const [asking, setAsking] = useState(false)

  const refresh = useCallback(() => {
    void platform().storageStatus().then(setStatus)
    void platform()
      .copyStore()
      .then(async (s) => setStore({ store: s, copies: s ? await s.list() : [] }))
      .catch(() => setStore({ store: null, copies: [] }))
  }, [])
  useEffect(refresh, [refresh])

  const ask = async () => {
    setAsking(true)
    try {
      const granted = await platform().requestPersistentStorage()
      void (granted ? message.success(t('safety.storage.granted')) : message.warning(t('safety.storage.refused'), 8))
      refresh()
    } finally {
      setAsking(false)
    }
  }

  const persisted = status?.persisted
  const copies =
    store === null
      ? t('safety.storage.unknown')
      : store.store === null
        ? t('safety.storage.copiesNone')
        : store.store.medium === 'folder'
          ? t('safety.storage.copiesFolder', { count: store.copies.length, where: store.store.where })
          : t('safety.storage.copiesBrowser', { count: store.copies.length })

  return (
    <Card title={t('safety.storage.title')} size="small" data-testid="storage-card">
      <p className="muted">{t('safety.storage.help')}</p>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'persisted',
            label: t('safety.storage.persisted'),
            children: (
              <span data-testid="storage-persisted">
                {persisted === true ? (
                  <Tag color="green" className="wrap-tag">
                    {t('safety.storage.persistedYes')}
                  </Tag>
                ) : persisted === false ? (
                  <Tag color="orange" className="wrap-tag">
                    {t('safety.storage.persistedNo')}
                  </Tag>
                ) : (
                  <span className="muted">{t('safety.storage.persistedUnknown')}</span>
                )}
              </span>
            )
          },
          {
            key: 'usage',
            label: t('safety.storage.usage'),
            children: (
              <span data-testid="storage-usage">
                {status?.estimate ? t('safety.storage.usageValue', { usage: formatBytes(status.estimate.usage), quota: formatBytes(status.estimate.quota) }) : t('safety.storage.unknown')}
              </span>
            )
          },
          ...(status?.disk
            ? [{ key: 'disk', label: t('safety.storage.disk'), children: t('safety.storage.diskValue', { free: formatBytes(status.disk.free), total: formatBytes(status.disk.total) }) }]
            : []),
          { key: 'copies', label: t('safety.storage.copies'), children: <span data-testid="storage-copies">{copies}</span> }
        ]}
      />
      {persisted === false && (
        <Button onClick={() => void ask()} loading={asking} data-testid="storage-ask-persist">
          {t('safety.storage.ask')}
        </Button>
      )}
    </Card>
  )
}
