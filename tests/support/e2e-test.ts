import { test as base, expect } from '@playwright/test';
import { runningServes } from './kioskctl';
import { findIdNumber, findPersonalDataInLog } from './personal-data';

/** What the privacy scan found in the page's DOM so far; a test may look, and clear it. */
export interface DomScan {
  /** one line per DOM state that held an ID number (the number itself masked) */
  findings(): string[];
  /** how many DOM states were scanned: every screen and every change on it */
  scans(): number;
  /** drops the findings so far (for the test that proves the scan works) */
  forget(): void;
}

/**
 * Runs in the page from its first script on, at every load: after each change to the DOM (every
 * screen, every list that loads; batched 50 ms) the whole document is searched for an ID number
 * (findIdNumber's pattern, personal-data.ts) and the result is reported to the test. A string,
 * because this folder is type-checked without the DOM library; it is plain ES2020 for Chromium.
 */
const watchDom = `(() => {
  const report = window.__yiyangDomScan;
  if (typeof report !== 'function') return;
  const pattern = /\\d{17}[\\dX]/;
  let timer = null;
  const scan = () => {
    timer = null;
    const match = pattern.exec(document.documentElement.outerHTML);
    const title = document.getElementById('screen-title');
    const screen = title ? title.textContent : document.title;
    report({ screen, found: match ? 'an ID number …' + match[0].slice(-4) : null });
  };
  new MutationObserver(() => {
    if (timer === null) timer = setTimeout(scan, 50);
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

/**
 * Playwright's `test` with the privacy scan of issue 8 wrapped around every end-to-end test: every
 * KioskApi frame the page sends or receives, the page's DOM at every screen (each change, not only
 * the last), and every line the running stations logged during the test are searched. No frame
 * or DOM may hold a full ID number; no log line may hold an ID number, a phone number or the name
 * of any elder the tests use.
 */
export const test = base.extend<{ privacyScan: DomScan }>({
  privacyScan: [
    async ({ page }, use) => {
      const frames: string[] = [];
      page.on('websocket', (socket) => {
        socket.on('framesent', (f) => frames.push(String(f.payload)));
        socket.on('framereceived', (f) => frames.push(String(f.payload)));
      });
      let domFindings: string[] = [];
      let scans = 0;
      await page.exposeBinding(
        '__yiyangDomScan',
        (_source, r: { screen: string; found: string | null }) => {
          scans++;
          if (r.found) domFindings.push(`DOM on "${r.screen}": ${r.found}`);
        },
      );
      await page.addInitScript({ content: watchDom });
      const logStart = new Map([...runningServes].map((s) => [s, s.output().length]));

      await use({
        findings: () => [...domFindings],
        scans: () => scans,
        forget: () => void (domFindings = []),
      });

      const findings: string[] = [...new Set(domFindings)];
      frames.forEach((frame, i) => {
        const found = findIdNumber(frame);
        if (found) findings.push(`KioskApi frame ${i}: ${found}`);
      });
      if (!page.isClosed()) {
        const dom = await page.content().catch(() => '');
        const found = findIdNumber(dom);
        if (found) findings.push(`DOM at the end: ${found}`);
      }
      for (const serve of runningServes) {
        const found = findPersonalDataInLog(serve.output().slice(logStart.get(serve) ?? 0));
        if (found) findings.push(`station log: ${found}`);
      }
      expect(findings, 'personal data where it must never be').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
