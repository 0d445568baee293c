import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The page's style sheet, put into the page itself: the prerendered idle screen can then be
 * painted with the HTML alone, one round trip sooner. The CSP keeps refusing inline styles but for
 * this exact text, by its hash. Only the build's own sheets (./assets/…css) are taken in.
 */
export function inlineStyleSheets(
  page: string,
  rendererDir: string,
): { page: string; styleHashes: string[] } {
  const styleHashes: string[] = [];
  const inlined = page.replace(
    /<link rel="stylesheet"(?: crossorigin)? href="\.\/(assets\/[\w.-]+\.css)">/g,
    (link, path: string) => {
      let css: string;
      try {
        css = readFileSync(join(rendererDir, path), 'utf8');
      } catch {
        return link;
      }
      if (/<\/style/i.test(css)) return link; // could close the element early: leave it linked
      styleHashes.push(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
      return `<style>${css}</style>`;
    },
  );
  return { page: inlined, styleHashes };
}
