import { randomUUID } from 'node:crypto';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  Balances,
  BookingView,
  MealOrderView,
  MealQuote,
  MenuView,
} from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { defaultConfig } from '../../../main/config/load-config';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { TODAY, demoStation, dishOf, elder } from './ordering-fixture';

// No DOM here: the screens are rendered to HTML with real data from the handlers, which is
// enough to see the large-type content, the labels and the totals the elder sees. The renderer's
// TSX is outside this TypeScript project (tsconfig.node.json has no JSX), so it is loaded at run
// time by path, with its props typed here from the contract.
type Component<P> = (props: P) => ReactElement | null;
const noop = (): void => undefined;
const fromRenderer = async <T>(path: string): Promise<T> =>
  (await import(
    /* @vite-ignore */ new URL(`../../../renderer/${path}`, import.meta.url).pathname
  )) as T;

const noApi = {} as KioskApi;
interface Screens {
  SpeechProvider: Component<{ children: ReactElement }>;
  MenuBody: Component<{ menu: MenuView; onChoose: () => void; onMyOrders: () => void }>;
  ConfirmBody: Component<{
    api: KioskApi;
    quote: MealQuote;
    balances: Balances | null;
    onOrdered: () => void;
    onCancel: () => void;
  }>;
  MealTicket: Component<{
    api: KioskApi;
    order: MealOrderView;
    onDone: () => void;
    onHome: () => void;
  }>;
  BookingTicket: Component<{
    api: KioskApi;
    booking: BookingView;
    onDone: () => void;
    onHome: () => void;
  }>;
}
let screens: Screens;
const html = (el: ReactElement): string =>
  renderToStaticMarkup(createElement(screens.SpeechProvider, { children: el }));

beforeAll(async () => {
  const i18n = await fromRenderer<{ initI18n: (lng: string) => Promise<unknown> }>('i18n.ts');
  await i18n.initI18n('zh-CN');
  screens = {
    ...(await fromRenderer<Pick<Screens, 'SpeechProvider'>>('speech/speech-context.tsx')),
    ...(await fromRenderer<Pick<Screens, 'MenuBody'>>('screens/meals/MealMenu.tsx')),
    ...(await fromRenderer<Pick<Screens, 'ConfirmBody'>>('screens/meals/MealConfirm.tsx')),
    ...(await fromRenderer<Pick<Screens, 'MealTicket'>>('screens/meals/MealTicket.tsx')),
    ...(await fromRenderer<Pick<Screens, 'BookingTicket'>>('screens/services/BookingTicket.tsx')),
  };
});

async function data() {
  const station = demoStation();
  const h = orderingHandlers({
    db: station.db,
    elder: () => elder('nx-0003'),
    now: () => station.clock.now,
    config: defaultConfig,
    printTicket: async () => undefined,
  });
  const dish = dishOf(station.db, 'lunch');
  const choice = {
    date: TODAY,
    sitting: 'lunch' as const,
    dishId: dish.id,
    quantity: 1,
    delivery: true,
  };
  const slot = (await h['services.slots']({ serviceId: 's-haircut' }))[0];
  return {
    station,
    menu: await h['meals.menu']({}),
    quote: await h['meals.quote'](choice),
    order: await h['meals.order']({ ...choice, uuid: randomUUID(), payment: 'cash' }),
    booking: await h['services.book']({
      uuid: randomUUID(),
      slotId: slot?.id ?? '',
      payment: 'cash',
    }),
  };
}

describe('ordering screens (zh-CN)', () => {
  // What these screens say is tested through the core: tests/integration/speech/screen-lines.test.ts.

  it('the menu shows each dish with the elder’s price, delivery and the portion buttons', async () => {
    const d = await data();
    const out = html(
      createElement(screens.MenuBody, { menu: d.menu, onChoose: noop, onMyOrders: noop }),
    );
    for (const dish of d.menu.sittings[0]?.dishes ?? []) expect(out).toContain(dish.name);
    expect(out).toContain('送餐上门');
    expect(out).toContain('送餐免费');
    expect(out).toContain('多一份');
    expect(out).toContain('我的订餐');
    d.station.db.close();
  });

  it('the confirmation shows the funder split, the total in big digits, 确认 and 取消', async () => {
    const d = await data();
    const out = html(
      createElement(screens.ConfirmBody, {
        api: noApi,
        quote: d.quote,
        balances: { mealWalletFen: 10_000, subsidyBalanceFen: 0 },
        onOrdered: noop,
        onCancel: noop,
      }),
    );
    expect(out).toContain('政府补贴');
    expect(out).toContain(
      `data-testid="ordering-total">${(d.quote.total.personal / 100).toFixed(2)} 元`,
    );
    expect(out).toContain('>确认<');
    expect(out).toContain('>取消<');
    d.station.db.close();
  });

  it('the ticket screens show the pick-up and booking numbers and what to pay at the counter', async () => {
    const d = await data();
    const meal = html(
      createElement(screens.MealTicket, { api: noApi, order: d.order, onDone: noop, onHome: noop }),
    );
    expect(meal).toContain(`data-testid="ordering-queue">${d.order.queueNumber}<`);
    expect(meal).toContain('请到柜台付现金');
    const booking = html(
      createElement(screens.BookingTicket, {
        api: noApi,
        booking: d.booking,
        onDone: noop,
        onHome: noop,
      }),
    );
    expect(booking).toContain(`data-testid="booking-number">${d.booking.bookingNumber}<`);
    d.station.db.close();
  });
});
