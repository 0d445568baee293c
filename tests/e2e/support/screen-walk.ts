import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { auditElderScreen, type Box } from './elder-audit';

/** The display modes a screen can be audited in; 返回 and 首页 are compared within each. */
export type DisplayMode = 'normal' | 'high-contrast' | 'large-text';

interface NavPlace {
  screen: string;
  mode: DisplayMode;
  back: Box | null;
  home: Box | null;
}

/** axe-core with every rule and 7:1 contrast, as one line per violation. */
export async function axeFindings(page: Page, screen: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page })
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  return axe.violations.map(
    (v) =>
      `${screen}: axe ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Someone is still at the kiosk: a tap on nothing in particular, so a long audit is not cut short
 * by the session's idle clock (whose own test is the idle-warning step).
 */
export async function stillHere(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new PointerEvent('pointerdown')));
}

/**
 * The elder-screen audit as a walk: `audit(screen)` measures the screen as it is (the project's
 * own rules, then axe-core), saves its screenshot for the README, and then turns its pages with
 * 往下翻 and measures again after each turn, so the buttons below the fold are measured too (the
 * gap check sees only what is on screen). At the end, `expectClean()` wants no finding at all and
 * 返回 / 首页 in the same places on every screen of the same display mode.
 */
export function screenWalk(page: Page, locale: string) {
  const findings: string[] = [];
  const navs: NavPlace[] = [];
  const screens: string[] = [];
  /** screens measured again below the fold: at least the long menu must be among them */
  const paged = new Set<string>();

  /** The project's rules, measured a few times while a screen settles; a real finding stays. */
  const measure = async (label: string) => {
    let result = await auditElderScreen(page);
    for (let i = 0; i < 5 && result.findings.length > 0; i++) {
      await page.waitForTimeout(300);
      result = await auditElderScreen(page);
    }
    expect(result.measured.texts, `${label}: texts measured`).toBeGreaterThan(0);
    findings.push(...result.findings.map((f) => `${label}: ${f}`));
    return result;
  };

  const body = page.locator('.screen__body').first();
  const scrollTop = () => body.evaluate((b) => Math.round(b.scrollTop));
  /** Waits until the body stops moving (the page turn may be animated). */
  const settled = async () => {
    let last = -1;
    await expect
      .poll(async () => {
        const now = await scrollTop();
        const still = now === last;
        last = now;
        return still;
      })
      .toBe(true);
  };

  const audit = async (screen: string, mode: DisplayMode = 'normal'): Promise<void> => {
    await stillHere(page);
    screens.push(screen);
    const top = await measure(screen);
    navs.push({ screen, mode, ...top.nav });
    findings.push(...(await axeFindings(page, screen)));
    await page.screenshot({ path: `docs/screenshots/elder-${screen}-${locale}.png` });

    // Below the fold: one page turn at a time, measured after each.
    const down = page.getByTestId('page-down');
    for (let turn = 2; turn < 12; turn++) {
      if (!(await down.isVisible()) || !(await down.isEnabled())) break;
      const before = await scrollTop();
      await down.click();
      await expect.poll(scrollTop).not.toBe(before);
      await settled();
      await measure(`${screen} (page ${turn})`);
      paged.add(screen);
    }
    // And back to the top with 往上翻, as an elder would, for the next step of the walk.
    const up = page.getByTestId('page-up');
    while ((await up.isVisible()) && (await up.isEnabled())) {
      await up.click();
      await settled();
    }
  };

  const expectClean = (): void => {
    expect(findings).toEqual([]);
    expect([...paged], 'screens measured below the fold too').toContain('meals');
    for (const mode of ['normal', 'high-contrast', 'large-text'] as const) {
      for (const which of ['back', 'home'] as const) {
        const places = navs.filter((n) => n.mode === mode && n[which]);
        if (mode === 'normal') expect(places.length, `screens with ${which}`).toBeGreaterThan(3);
        const first = JSON.stringify(places[0]?.[which]);
        expect(
          places
            .filter((p) => JSON.stringify(p[which]) !== first)
            .map((p) => `${p.screen} ${JSON.stringify(p[which])}`),
          `${which} moved (${mode})`,
        ).toEqual([]);
      }
    }
  };

  return { audit, expectClean, screens, paged };
}
