import type { Page } from '@playwright/test';

/**
 * Ends whatever elder session a test left open, the way an elder would (首页, then 我办完了), so
 * the next test starts at the idle screen instead of waiting for the idle timeout. Works in any
 * locale: it finds the buttons by test id.
 */
export async function leaveSession(page: Page): Promise<void> {
  const home = page.getByTestId('nav-home');
  if (await home.isVisible().catch(() => false)) await home.click();
  const done = page.getByTestId('home-done');
  await done.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
  if (await done.isVisible().catch(() => false)) await done.click();
}

/**
 * Opens the kiosk page and waits until it is wired up (session subscription and card-reader key
 * listener live, the current session read), so the test's first tap is not lost to a page that
 * painted a frame before its effects ran.
 */
export async function openKiosk(page: Page, kioskUrl: string): Promise<void> {
  await page.goto(kioskUrl);
  await page.locator('.kiosk[data-ready]').waitFor();
}
