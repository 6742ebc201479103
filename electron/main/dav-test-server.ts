// Owns a real WebDAV server for tests (the webdav-server package, in memory) on 127.0.0.1 with Basic auth, its DAV root one folder down as 坚果云's /dav/ and Nextcloud's /remote.php/… are.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { v2 as webdav } from 'webdav-server'

export interface DavTestServer {
  /** The DAV root to configure, ending in '/'. */
  url: string
  user: string
  password: string
  /** Stops listening and drops open connections: the next request fails as an unreachable server does. */
  stop(): Promise<void>
}

export async function startDavTestServer(user = 'ledger@example.com', password = 'app-password-1'): Promise<DavTestServer> {
  const users = new webdav.SimpleUserManager()
  const account = users.addUser(user, password, false)
  const privileges = new webdav.SimplePathPrivilegeManager()
  privileges.setRights(account, '/', ['all'])
  const dav = new webdav.WebDAVServer({ httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'test'), privilegeManager: privileges, requireAuthentification: true })
  const http: Server = createServer((request, response) => dav.executeRequest(request, response))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const made = await fetch(`${origin}/dav/`, { method: 'MKCOL', headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } })
  if (made.status !== 201) throw new Error(`test server: MKCOL /dav/ answered ${made.status}`)
  return {
    url: `${origin}/dav/`,
    user,
    password,
    stop: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      })
  }
}
