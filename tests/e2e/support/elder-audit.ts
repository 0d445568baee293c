import type { Page } from '@playwright/test';

/** Issue 8's elder-screen rules, stricter than the MIIT 适老化 spec. */
export const elderRules = {
  minTextPx: 32,
  minLabelPx: 40,
  minTargetPx: 96,
  minGapPx: 16,
  minContrast: 7,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenAudit {
  /** every rule broken on the screen, one line each, naming the element by its text */
  findings: string[];
  /** where 返回 and 首页 are, when the screen has them */
  nav: { back: Box | null; home: Box | null };
  /** how many texts, targets and buttons were measured: a screen with none measured nothing */
  measured: { texts: number; targets: number; buttons: number };
}

/**
 * Measures the page as it is now, from computed styles and layout boxes: text sizes, label sizes,
 * target sizes and the gaps between targets, text contrast against the background actually behind
 * it, and an icon and a word on every button. Runs in the page; plain DOM, no library.
 */
export async function auditElderScreen(page: Page): Promise<ScreenAudit> {
  return page.evaluate((rules) => {
    const findings: string[] = [];
    const name = (el: Element): string =>
      `"${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)}"`;

    const visible = (el: Element): boolean => {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      const r = el.getBoundingClientRect();
      // 1 px boxes are the visually-hidden text for screen readers, not text anyone sees.
      return r.width > 1 && r.height > 1;
    };

    // sRGB relative luminance and the WCAG contrast ratio.
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m?.[1]) return [0, 0, 0, 0];
      const [r = 0, g = 0, b = 0, a = 1] = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const luminance = ([r, g, b]: number[]): number => {
      const lin = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
    };
    const ratio = (a: number[], b: number[]): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The first opaque background behind an element, walking up; white at the root. */
    const backgroundOf = (el: Element): number[] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor);
        if (a >= 1) return [r, g, b];
        if (a > 0) return [r, g, b]; // translucent: good enough, none are used on elder screens
      }
      return [255, 255, 255];
    };

    // 1. Every visible text: size and contrast.
    const texts = [...document.querySelectorAll('body *')].filter(
      (el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) &&
        visible(el),
    );
    for (const el of texts) {
      const style = getComputedStyle(el);
      const px = parseFloat(style.fontSize);
      if (px < rules.minTextPx) findings.push(`text ${px}px < ${rules.minTextPx}px: ${name(el)}`);
      if (el.closest('[aria-hidden="true"]')) continue; // icons: colour of a picture, not text
      const contrast = ratio(parse(style.color), backgroundOf(el));
      if (contrast < rules.minContrast)
        findings.push(`contrast ${contrast.toFixed(2)}:1 < ${rules.minContrast}:1: ${name(el)}`);
    }

    // 2. Headings and button labels: the main labels.
    for (const el of document.querySelectorAll('h1, h2, .big-button__label')) {
      if (!visible(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < rules.minLabelPx)
        findings.push(`label ${px}px < ${rules.minLabelPx}px: ${name(el)}`);
    }

    // 3. Targets: size, and the gap to every other target. A control covered by something else
    // (the page under the session warning) cannot be touched, so it is not a target just now.
    const reachable = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true; // scrolled away
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (el === hit || el.contains(hit));
    };
    const targets = [
      ...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]'),
    ].filter((el) => visible(el) && reachable(el));
    const boxes = targets.map((el) => el.getBoundingClientRect());
    /** The part of a box its scrolling ancestors let show: what a finger can actually reach. */
    const clipped = (el: Element, r: DOMRect): Box | null => {
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let e = el.parentElement; e; e = e.parentElement) {
        if (getComputedStyle(e).overflowY === 'visible') continue;
        const c = e.getBoundingClientRect();
        [left, top] = [Math.max(left, c.left), Math.max(top, c.top)];
        [right, bottom] = [Math.min(right, c.right), Math.min(bottom, c.bottom)];
      }
      return right - left > 0 && bottom - top > 0
        ? { x: left, y: top, width: right - left, height: bottom - top }
        : null;
    };
    const shown = targets.map((el, i) => clipped(el, boxes[i] as DOMRect));
    targets.forEach((el, i) => {
      const r = boxes[i] as DOMRect;
      if (r.width < rules.minTargetPx - 0.5 || r.height < rules.minTargetPx - 0.5)
        findings.push(
          `target ${Math.round(r.width)}×${Math.round(r.height)} < ${rules.minTargetPx}: ${name(el)}`,
        );
      for (let j = i + 1; j < targets.length; j++) {
        const o = shown[j] as Box | null;
        if (!o || !shown[i]) continue;
        if (el.contains(targets[j] as Element) || (targets[j] as Element).contains(el)) continue;
        const s = shown[i] as Box;
        const dx = Math.max(o.x - (s.x + s.width), s.x - (o.x + o.width));
        const dy = Math.max(o.y - (s.y + s.height), s.y - (o.y + o.height));
        const gap = Math.max(dx, dy);
        if (gap < rules.minGapPx - 0.5)
          findings.push(
            `gap ${Math.round(gap)}px < ${rules.minGapPx}px: ${name(el)} / ${name(targets[j] as Element)}`,
          );
      }
    });

    // 4. An icon and a word on every button: colour and pictures are never the only cue.
    const buttons = targets.filter((el) => el.matches('button, [role="button"]'));
    for (const el of buttons) {
      const icon = el.querySelector('[aria-hidden="true"], svg, img');
      const iconText = icon?.textContent?.trim() ?? '';
      const hasIcon = icon !== null && (iconText !== '' || icon.matches('svg, img'));
      const words = (el.textContent ?? '').replace(iconText, '').trim();
      if (!hasIcon) findings.push(`button without an icon: ${name(el)}`);
      if (!words) findings.push(`button without a word: ${name(el)}`);
    }

    // 5. Nothing but taps: a body holding more than fits has its page buttons.
    for (const body of document.querySelectorAll('.screen__body')) {
      const more = body.scrollHeight > body.clientHeight + 1;
      const pager = body.parentElement?.querySelector('[data-testid="page-down"]');
      if (more && !(pager && visible(pager)))
        findings.push('a screen scrolls but has no page buttons: it would need a swipe');
    }

    const box = (el: Element | null): Box | null => {
      if (!el || !visible(el)) return null;
      const r = el.getBoundingClientRect();
      return {
        x: Math.round(r.x),
        y: Math.round(r.y + window.scrollY),
        width: Math.round(r.width),
        height: Math.round(r.height),
      };
    };
    return {
      findings,
      nav: {
        back: box(document.querySelector('[data-testid="nav-back"]')),
        home: box(document.querySelector('[data-testid="nav-home"]')),
      },
      measured: { texts: texts.length, targets: targets.length, buttons: buttons.length },
    };
  }, elderRules);
}
