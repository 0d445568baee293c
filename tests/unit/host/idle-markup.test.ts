import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stationNamePlaceholder } from '../../../contract/prerender';
import { pageWithIdleMarkup, readIdleMarkup } from '../../../main/host/idle-markup';
import { makeTempDir } from '../../support/temp-dir';

const info = {
  id: 's1',
  name: '练市镇照料中心',
  district: '南浔区',
  defaultLocale: 'wuu',
  demo: false,
  timeouts: { greetingSeconds: 3, sessionIdleSeconds: 60, messageSeconds: 10 },
};

describe('the prerendered idle screen in the page', () => {
  const temp = makeTempDir();
  mkdirSync(join(temp.dir, 'idle'));
  writeFileSync(
    join(temp.dir, 'idle', 'wuu.html'),
    `<h1>请刷卡</h1><p>${stationNamePlaceholder}</p>`,
  );
  writeFileSync(join(temp.dir, 'idle', 'wuu.demo.html'), `<h1>请刷卡</h1><aside>demo</aside>`);

  it("takes the station's locale and demo tray, and puts the name in", () => {
    expect(readIdleMarkup(temp.dir, info)).toBe('<h1>请刷卡</h1><p>练市镇照料中心</p>');
    expect(readIdleMarkup(temp.dir, { ...info, demo: true })).toContain('demo');
  });

  it('escapes the name, so a station name can never add markup', () => {
    const markup = readIdleMarkup(temp.dir, { ...info, name: '<img src=x onerror=1>&"\'' });
    expect(markup).toBe('<h1>请刷卡</h1><p>&lt;img src=x onerror=1&gt;&amp;&quot;&#39;</p>');
  });

  it('gives none for a locale the build did not prerender', () => {
    expect(readIdleMarkup(temp.dir, { ...info, defaultLocale: 'xx' })).toBeNull();
  });

  it('fills the empty #root and marks it, leaving any other page alone', () => {
    const page = '<body><div id="root"></div><script src="a.js"></script></body>';
    expect(pageWithIdleMarkup(page, '<h1>请刷卡</h1>')).toBe(
      '<body><div id="root" data-prerendered="idle"><h1>请刷卡</h1></div><script src="a.js"></script></body>',
    );
    expect(pageWithIdleMarkup('<body></body>', '<h1>x</h1>')).toBe('<body></body>');
    // `$&` in a station's name is text, not a replacement pattern
    expect(pageWithIdleMarkup(page, '$&')).toContain('data-prerendered="idle">$&</div>');
  });
});
