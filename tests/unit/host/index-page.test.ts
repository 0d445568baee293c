import { describe, expect, it } from 'vitest';
import { indexPageWithStationInfo, publicStationInfo } from '../../../main/host/index-page';
import type { StationInfo } from '../../../contract/views';

const station: StationInfo = {
  id: 'st-1',
  name: '南浔</script><script>alert(1)</script>',
  district: '南浔区',
  defaultLocale: 'wuu',
  demo: true,
  demoCards: [{ uid: '0A1B2C3D4E', label: '张桂英 78岁' }],
  timeouts: { greetingSeconds: 3, sessionIdleSeconds: 90, messageSeconds: 8 },
};

describe('the index page with the embedded station info', () => {
  it('leaves out the demo cards (they name people)', () => {
    expect(publicStationInfo(station)).not.toHaveProperty('demoCards');
    expect(publicStationInfo(station)).toMatchObject({ id: 'st-1', defaultLocale: 'wuu' });
  });

  it('puts a JSON data block before </head> that no value can close early', () => {
    const html = indexPageWithStationInfo(
      '<html><head><title>t</title></head><body></body></html>',
      publicStationInfo(station),
    );
    const blocks = html.match(/<script[^>]*>/g) ?? [];
    expect(blocks).toEqual(['<script type="application/json" id="yiyang-station">']);
    expect(html.indexOf('yiyang-station')).toBeLessThan(html.indexOf('</head>'));
    const json = /id="yiyang-station">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect((JSON.parse(json) as { name: string }).name).toBe(station.name);
    expect(html).not.toContain('张桂英');
  });
});
