import { test as base, expect } from '@playwright/test';
import { runningServes } from './kioskctl';
import { findIdNumber, findPersonalDataInLog } from './personal-data';

/**
 * Playwright's `test` with the privacy scan of issue 8 wrapped around every end-to-end test: every
 * KioskApi frame the page sends or receives, the page's DOM at the end of the test, and every line
 * the running stations logged during it are searched. No frame or DOM may hold a full ID number;
 * no log line may hold an ID number, a phone number or an elder's name.
 */
export const test = base.extend<{ privacyScan: undefined }>({
  privacyScan: [
    async ({ page }, use) => {
      const frames: string[] = [];
      page.on('websocket', (socket) => {
        socket.on('framesent', (f) => frames.push(String(f.payload)));
        socket.on('framereceived', (f) => frames.push(String(f.payload)));
      });
      const logStart = new Map([...runningServes].map((s) => [s, s.output().length]));

      await use(undefined);

      const findings: string[] = [];
      frames.forEach((frame, i) => {
        const found = findIdNumber(frame);
        if (found) findings.push(`KioskApi frame ${i}: ${found}`);
      });
      if (!page.isClosed()) {
        const dom = await page.content().catch(() => '');
        const found = findIdNumber(dom);
        if (found) findings.push(`DOM: ${found}`);
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
