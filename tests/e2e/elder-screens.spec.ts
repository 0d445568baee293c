import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';

import { expect, test } from '../support/e2e-test';
import { openKiosk } from '../support/e2e-session';
import { auditElderScreen, type Box } from './support/elder-audit';
import { makeTempDir } from '../support/temp-dir';
import { startServe, type ServeProcess } from '../support/kioskctl';

// Issue 8 items 7–8: every elder screen, walked as an elder would, in Mandarin and in Wu. On each
// screen: the project's own measurements (text ≥ 32 px, labels ≥ 40 px, targets ≥ 96 × 96 px
// with ≥ 16 px between them, contrast ≥ 7:1 from computed colours, an icon and a word on every
// button), axe-core with every rule and 7:1 contrast, and a screenshot for the README. Across the
// screens, 返回 and 首页 must sit in exactly the same places.
const walks = [
  { locale: 'zh-CN', elder: '张桂英' },
  { locale: 'wuu', elder: '陆秀珍' },
] as const;

for (const { locale, elder } of walks) {
  test.describe(`elder screens in ${locale}`, () => {
    let kiosk: ServeProcess;
    let temp: { dir: string; remove: () => void };

    test.beforeAll(async () => {
      temp = makeTempDir(`yiyang-e2e-screens-${locale}-`);
      const config = join(temp.dir, 'station.json');
      // The station speaks this locale when idle; the greeting stays long enough to be measured;
      // a 30 s idle clock brings the session warning (at 15 s) within the test.
      writeFileSync(
        config,
        JSON.stringify({
          station: { defaultLocale: locale },
          timeouts: { greetingSeconds: 5, sessionIdleSeconds: 30 },
        }),
      );
      kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
    });

    test.afterAll(async () => {
      await kiosk?.stop();
      temp?.remove();
    });

    test(`every elder screen meets the audit and axe-core (${locale})`, async ({ page }) => {
      test.setTimeout(180_000);
      const findings: string[] = [];
      const navs: { screen: string; back: Box | null; home: Box | null }[] = [];
      const audit = async (screen: string): Promise<void> => {
        // A screen may still be settling (a list loading, its page buttons appearing): measure
        // again a few times before a finding counts; a real one stays.
        let result = await auditElderScreen(page);
        for (let i = 0; i < 5 && result.findings.length > 0; i++) {
          await page.waitForTimeout(300);
          result = await auditElderScreen(page);
        }
        expect(result.measured.texts, `${screen}: texts measured`).toBeGreaterThan(0);
        findings.push(...result.findings.map((f) => `${screen}: ${f}`));
        navs.push({ screen, ...result.nav });
        const axe = await new AxeBuilder({ page })
          .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
          .analyze();
        findings.push(
          ...axe.violations.map(
            (v) =>
              `${screen}: axe ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        );
        await page.screenshot({ path: `docs/screenshots/elder-${screen}-${locale}.png` });
      };
      const title = page.locator('#screen-title');
      const nextTitle = async (from: string): Promise<string> => {
        await expect(title).not.toHaveText(from);
        return (await title.textContent()) ?? '';
      };
      const tray = page.locator('.demo-tray__card');

      await openKiosk(page, kiosk.kioskUrl);
      await expect(page.getByTestId('caption')).not.toBeEmpty();
      const idleTitle = (await title.textContent()) ?? '';
      await audit('idle');

      await tray.last().click(); // the demo tray's unregistered card
      await expect(page.getByRole('alert')).toBeVisible();
      await audit('card-refused');
      await page.locator('main button').first().click();
      await expect(title).toHaveText(idleTitle);

      await tray.filter({ hasText: elder }).click();
      await expect(title).toContainText(elder);
      await audit('greeting');

      await expect(page.getByTestId('home-done')).toBeVisible({ timeout: 20_000 });
      await audit('home');
      // The two display modes keep every rule too (黑白分明: yellow on black; 大字: all larger).
      await page.getByTestId('toggle-high-contrast').click();
      await expect(page.getByTestId('toggle-high-contrast')).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await audit('home-high-contrast');
      await page.getByTestId('toggle-high-contrast').click();
      await page.getByTestId('toggle-large-text').click();
      await expect(page.getByTestId('toggle-large-text')).toHaveAttribute('aria-pressed', 'true');
      await audit('home-large-text');
      await page.getByTestId('toggle-large-text').click();

      await page.getByTestId('voicectl-open').click();
      await expect(page.getByTestId('voicectl-slower')).toBeVisible();
      await audit('voice-controls');
      await page.getByTestId('nav-home').click();

      await page.getByTestId('home-benefits').click();
      await expect(page.locator('[data-testid^="benefit-"]').first()).toBeVisible();
      await audit('benefits');
      await page.getByTestId('nav-home').click();

      await page.getByTestId('home-meals').click();
      await expect(page.getByTestId('ordering-day')).toBeVisible();
      await audit('meals');
      // The menu holds more than this 1280 × 1024 screen: its next page is one tap away.
      const body = page.locator('.screen__body');
      await page.getByTestId('page-down').click();
      await expect.poll(() => body.evaluate((b) => b.scrollTop)).toBeGreaterThan(0);
      await expect(page.getByTestId('page-up')).toBeEnabled();
      await page.locator('.ordering__grid button').first().click();
      await expect(page.getByTestId('ordering-total')).toBeVisible();
      await audit('meal-confirm');
      await page.getByTestId('ordering-confirm').click();
      await expect(page.getByTestId('ordering-queue')).toBeVisible({ timeout: 20_000 });
      await audit('meal-ticket');
      await page.getByTestId('nav-home').click();

      await page.getByTestId('home-services').click();
      await expect(page.locator('.ordering__grid button').first()).toBeVisible();
      const catalogue = (await title.textContent()) ?? '';
      await audit('services');
      await page.locator('.ordering__grid button').first().click();
      await nextTitle(catalogue);
      await expect(page.locator('.ordering__grid button:not([disabled])').first()).toBeVisible();
      await audit('service-slots');
      await page.locator('.ordering__grid button:not([disabled])').first().click();
      await expect(page.getByTestId('booking-confirm')).toBeVisible();
      await audit('service-confirm');
      await page.getByTestId('booking-confirm').click();
      await expect(page.getByTestId('booking-number')).toBeVisible({ timeout: 20_000 });
      await audit('booking-ticket');
      await page.getByTestId('nav-home').click();

      await page.getByTestId('home-call-staff').click();
      await expect(page.getByTestId('home-done')).toBeHidden();
      await audit('help-called');
      await page.getByTestId('nav-home').click();

      // No touch for a while: the spoken warning with its big 继续 button.
      await expect(page.getByTestId('session-warning')).toBeVisible({ timeout: 30_000 });
      await audit('session-warning');
      await page.getByTestId('session-continue').click();
      await page.getByTestId('home-done').click();
      await expect(title).toHaveText(idleTitle);

      expect(findings).toEqual([]);
      // 返回 and 首页 in the same places on every screen that has them.
      for (const which of ['back', 'home'] as const) {
        const places = navs
          .filter((n) => n[which])
          .map((n) => `${n.screen} ${JSON.stringify(n[which])}`);
        expect(places.length, `screens with ${which}`).toBeGreaterThan(3);
        const first = JSON.stringify(navs.find((n) => n[which])?.[which]);
        expect(
          places.filter((p) => !p.endsWith(first)),
          `${which} moved`,
        ).toEqual([]);
      }
    });

    test(`every staff screen passes axe-core, with a screenshot (${locale})`, async ({ page }) => {
      // The supervisor sees every tab (the staff list too). The station's locale is the console's.
      const violations: string[] = [];
      const check = async (screen: string): Promise<void> => {
        const axe = await new AxeBuilder({ page })
          .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
          .analyze();
        violations.push(...axe.violations.map((v) => `${screen}: axe ${v.id}: ${v.help}`));
        // The console is longer than the screen: show the part this screen is about.
        const panel = page.locator('.staff-panel h2').last();
        if (await panel.isVisible()) await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `docs/screenshots/staff-${screen}-${locale}.png` });
      };
      await openKiosk(page, kiosk.kioskUrl);
      await page.locator('.demo-tray__card').filter({ hasText: '李主任' }).click();
      await expect(page.getByRole('button', { name: '6', exact: true })).toBeVisible();
      await check('pin');
      for (const digit of '654321') {
        await page.getByRole('button', { name: digit, exact: true }).click();
      }
      await expect(page.getByTestId('staff-tab-find')).toBeVisible();
      await page.getByTestId('staff-find-query').fill('0124');
      await page.getByTestId('staff-find').click();
      await page.getByTestId('staff-elder-nx-0001').click();
      await expect(page.getByTestId('staff-assisting')).toBeVisible();
      await check('find');
      for (const tab of ['today', 'health', 'report', 'recorder', 'staff']) {
        await page.getByTestId(`staff-tab-${tab}`).click();
        await expect(page.getByTestId(`staff-tab-${tab}`)).toHaveAttribute('aria-pressed', 'true');
        await page.waitForTimeout(300); // the tab's list loading
        await check(tab);
      }
      await page.getByTestId('staff-exit').click();
      expect(violations).toEqual([]);
    });
  });
}
