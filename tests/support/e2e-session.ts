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
