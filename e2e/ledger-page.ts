// Page model of the ledger's web build: navigation, antd form fields and the dialogs, so specs read as user steps.
import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Sets the clock, opens the home page, loads the sample data there and closes the due reminder that
 * arrives top right (it covers the side column). The sample is made relative to today, so a fixed
 * clock gives the same dues every run.
 */
export async function homeWithSample(page: Page, time: Date): Promise<LedgerPage> {
  await page.clock.install({ time })
  const app = new LedgerPage(page)
  await app.open('#/home')
  await page.getByTestId('page-home').getByTestId('load-sample').click()
  await expect(page.getByTestId('due-totals')).toBeVisible()
  await page.locator('.ant-notification-notice-close').first().click()
  return app
}

export class LedgerPage {
  constructor(readonly page: Page) {}

  /** Opens the app; the list pages are where a first-time user records things, so that is the default here. */
  async open(hash = '#/accounts') {
    await this.page.goto(`/${hash}`)
    await expect(this.page.getByTestId('nav')).toBeVisible()
  }

  /** Opens a page from the navigation by its id in the route table (src/app/routes.tsx). */
  /** Waits until the figures include the latest records (they are worked out off the page, a moment after a change). */
  async figuresReady() {
    await expect(this.page.locator('[data-figures="ready"]')).toBeAttached()
  }

  async nav(page: string) {
    await this.page.getByTestId(`nav-${page}`).click()
    await expect(this.page.getByTestId(`page-${page}`)).toBeVisible()
  }

  modal(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  async fill(scope: Locator, field: string, value: string) {
    const input = scope.getByTestId(`field-${field}`)
    await input.fill(value)
  }

  /** Picks an option of an antd Select by its visible text. */
  async choose(scope: Locator, field: string, option: string) {
    const select = scope.getByTestId(`field-${field}`)
    await select.click()
    // The dropdown just opened is the last one; an earlier one may still be fading out.
    const dropdown = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last()
    // Wait for its opening slide to end: on a loaded machine a click during it can miss the option.
    await expect(dropdown).not.toHaveClass(/ant-slide-up-(appear|enter)/)
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click()
    await expect(dropdown).toBeHidden()
  }

  /** Types a date into an antd DatePicker and confirms it. */
  async date(scope: Locator, field: string, value: string) {
    const input = scope.getByTestId(`field-${field}`).locator('input').or(scope.locator(`input[data-testid="field-${field}"]`)).first()
    await input.click()
    await input.fill(value)
    await input.press('Tab')
  }

  /**
   * Picks the report's month by typing it as shown ('2026年12月'), not by clicking the panel: a
   * click on a cell while the panel is still sliding in can miss on a loaded machine.
   */
  async reportMonth(shown: string) {
    const input = this.page.getByTestId('report-month').locator('input').or(this.page.locator('input[data-testid="report-month"]')).first()
    await input.click()
    await input.fill(shown)
    await input.press('Enter')
  }

  async save(scope: Locator) {
    await scope.getByTestId('modal-save').click()
  }

  fieldError(scope: Locator, field: string): Locator {
    return scope.locator('.ant-form-item', { has: this.page.getByTestId(`field-${field}`) }).locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)')
  }

  rows(tableTestId: string): Locator {
    return this.page.getByTestId(tableTestId).getByTestId('record-row')
  }
}
