import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/host/content-security-policy';
import { inlineStyleSheets } from '../../../main/host/inline-style';
import { makeTempDir } from '../../support/temp-dir';

describe("the page's style sheet inlined, allowed by its hash only", () => {
  const temp = makeTempDir();
  mkdirSync(join(temp.dir, 'assets'));
  const css = '.screen__title{font-size:48px}';
  writeFileSync(join(temp.dir, 'assets', 'style-A1.css'), css);
  writeFileSync(join(temp.dir, 'assets', 'evil.css'), 'a{}</style><script>x()</script>');
  const page = (name: string): string =>
    `<head><link rel="stylesheet" crossorigin href="./assets/${name}"></head>`;

  it('puts the sheet into the page and gives the CSP its sha256', () => {
    const { page: inlined, styleHashes } = inlineStyleSheets(page('style-A1.css'), temp.dir);
    expect(inlined).toBe(`<head><style>${css}</style></head>`);
    const hash = createHash('sha256').update(css).digest('base64');
    expect(styleHashes).toEqual([`'sha256-${hash}'`]);
    const csp = contentSecurityPolicy('', styleHashes);
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('leaves a sheet linked when it is missing or could close the style element', () => {
    for (const name of ['missing.css', 'evil.css']) {
      const { page: kept, styleHashes } = inlineStyleSheets(page(name), temp.dir);
      expect(kept).toBe(page(name));
      expect(styleHashes).toEqual([]);
    }
  });

  it('takes only the build’s own assets, never another address', () => {
    const foreign = '<link rel="stylesheet" href="https://example.com/x.css">';
    expect(inlineStyleSheets(foreign, temp.dir).page).toBe(foreign);
  });
});
