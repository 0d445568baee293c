import { randomUUID } from 'node:crypto';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceView, SlotChoice } from '../../../contract/calls/ordering-calls';
import {
  bookService,
  serviceCatalogue,
  serviceSlots,
  slotChoices,
} from '../../../main/ordering/service-bookings';
import { demoStation, elder, type Station } from './ordering-fixture';

// The screens are rendered to HTML with real data, loaded by path like screens.test.ts does.
type Component<P> = (props: P) => ReactElement | null;
const fromRenderer = async <T>(path: string): Promise<T> =>
  (await import(
    /* @vite-ignore */ new URL(`../../../renderer/${path}`, import.meta.url).pathname
  )) as T;
const noop = (): void => undefined;
let screens: {
  SpeechProvider: Component<{ children: ReactElement }>;
  CatalogueBody: Component<{
    services: ServiceView[];
    onChoose: () => void;
    onMyBookings: () => void;
  }>;
  SlotList: Component<{ service: ServiceView; slots: SlotChoice[]; onChoose: () => void }>;
};
const html = (el: ReactElement): string =>
  renderToStaticMarkup(createElement(screens.SpeechProvider, { children: el }));

beforeAll(async () => {
  const i18n = await fromRenderer<{ initI18n: (lng: string) => Promise<unknown> }>('i18n.ts');
  await i18n.initI18n('zh-CN');
  screens = {
    ...(await fromRenderer<Pick<typeof screens, 'SpeechProvider'>>('speech/speech-context.tsx')),
    ...(await fromRenderer<Pick<typeof screens, 'CatalogueBody'>>(
      'screens/services/ServiceCatalogue.tsx',
    )),
    ...(await fromRenderer<Pick<typeof screens, 'SlotList'>>('screens/services/ServiceSlots.tsx')),
  };
});

let station: Station;
afterEach(() => station.db.close());

describe('the service catalogue shows the full price next to what the elder pays', () => {
  it('原价 beside the elder’s price when the elder pays less, and beside 免费', () => {
    station = demoStation();
    const list = serviceCatalogue(station.ctx, elder('nx-0002'));
    const page = html(
      createElement(screens.CatalogueBody, {
        services: list,
        onChoose: noop,
        onMyBookings: noop,
      }),
    );
    expect(page).toContain('理发  30 分钟  原价 10.00 元  您付 5.00 元');
    const covered = serviceCatalogue(station.ctx, elder('nx-0007'));
    expect(
      html(
        createElement(screens.CatalogueBody, {
          services: covered,
          onChoose: noop,
          onMyBookings: noop,
        }),
      ),
    ).toContain('助浴  60 分钟  原价 50.00 元  您免费');
  });
});

describe('government-purchased minutes are counted in the slot’s own month', () => {
  it('November used up, a December slot still has December’s hours and is free', () => {
    station = demoStation();
    const { ctx, db } = station;
    db.prepare(
      "INSERT INTO service_slots (id, service_id, starts_at, capacity, booked) VALUES ('bath-dec', 's-bath', '2026-12-01T09:00:00+08:00', 2, 0)",
    ).run();
    const e = elder('nx-0007'); // 92, severe loss of self-care: 120 bath minutes a month
    const november = serviceSlots(ctx, 's-bath').filter((s) => s.startsAt.startsWith('2026-11'));
    for (const slot of november.slice(0, 2))
      bookService(ctx, e, { uuid: randomUUID(), slotId: slot.id, payment: 'cash' });

    const choices = slotChoices(ctx, e, 's-bath');
    const nov = choices.find((s) => s.startsAt.startsWith('2026-11') && s.left > 0);
    const dec = choices.find((s) => s.id === 'bath-dec');
    expect(nov?.purchasedMinutesLeft).toBe(0);
    expect(nov?.elderFen).toBeGreaterThan(0); // no hours left: a share at most
    expect(dec).toMatchObject({ purchasedMinutesLeft: 120, elderFen: 0 });
    // The catalogue speaks of this month only.
    expect(serviceCatalogue(ctx, e).find((s) => s.id === 's-bath')?.purchasedMinutesLeft).toBe(0);

    const bath = serviceCatalogue(ctx, e).find((s) => s.id === 's-bath');
    if (!bath) throw new Error('no bath service');
    const page = html(
      createElement(screens.SlotList, { service: bath, slots: choices, onChoose: noop }),
    );
    expect(page).toContain('12月政府购买服务还剩 120 分钟');
    expect(page).toContain('11月政府购买服务还剩 0 分钟');
  });
});
