// Owns which links may leave the app for the system browser; shared by the main process and the web build so both refuse the same ones.
import { EXTERNAL_LINK_HOSTS } from './ipc'

/** https only, an exact allow-listed host (a port makes it another host), no credentials. */
export function isAllowedExternalUrl(candidate: unknown, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  if (typeof candidate !== 'string') return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '') return false
  return hosts.includes(url.host)
}
