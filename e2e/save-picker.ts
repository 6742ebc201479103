// Owns the stand-ins for the browser's save dialog in e2e: Playwright cannot click a native file picker, so a test either takes the picker away (a browser without one: downloads) or answers it with a file in the origin private file system, which the page then writes through the real File System Access API.
import type { Page } from '@playwright/test'

/** The page runs as in a browser without the File System Access save picker: backups are downloads. */
export async function withoutSavePicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true })
  })
}

/**
 * The picker answers as the user would: 'cancel' closes it, otherwise it returns a real file handle
 * named `name` in the origin private file system, written and closed by the page itself.
 */
export async function answerSavePicker(page: Page, answer: { cancel: true } | { name: string }): Promise<void> {
  await page.evaluate((a) => {
    Object.defineProperty(window, 'showSaveFilePicker', {
      configurable: true,
      value: async () => {
        if ('cancel' in a) throw new DOMException('The user aborted a request.', 'AbortError')
        const root = await navigator.storage.getDirectory()
        return root.getFileHandle(a.name, { create: true })
      }
    })
  }, answer)
}

/** The text of a file in the origin private file system, or null when there is none. */
export async function privateFileText(page: Page, name: string): Promise<string | null> {
  return page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory()
    try {
      return await (await root.getFileHandle(n)).getFile().then((f) => f.text())
    } catch {
      return null
    }
  }, name)
}
