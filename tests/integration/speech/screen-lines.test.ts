import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../main/config/load-config';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { createSpeech } from '../../../main/speech/create-speech';
import { espeakInput } from '../../../main/speech/espeak-engine';
import { projectRoot } from '../../support/kioskctl';
import { TODAY, demoStation, dishOf, elder } from '../../unit/ordering/ordering-fixture';
import { orderingLines } from '../../unit/speech/renderer-lines';

const { bookingTicketLine, mealConfirmLine, mealTicketLine, menuLine } = orderingLines;

// What the ordering screens say, from end to end in the core: the demo station's real menu, quote,
// order and booking from the ordering handlers, the renderer's line builders, the repository's
// locales and the real espeak-ng. No pack: every line is TTS, so what it is given is what matters.
async function orderingData() {
  const station = demoStation();
  const h = orderingHandlers({
    db: station.db,
    elder: () => elder('nx-0003'),
    now: () => station.clock.now,
    config: defaultConfig,
    printTicket: async () => undefined,
  });
  const choice = {
    date: TODAY,
    sitting: 'lunch' as const,
    dishId: dishOf(station.db, 'lunch').id,
    quantity: 2,
    delivery: true,
  };
  const slot = (await h['services.slots']({ serviceId: 's-haircut' }))[0];
  const data = {
    menu: await h['meals.menu']({}),
    quote: await h['meals.quote'](choice),
    order: await h['meals.order']({ ...choice, uuid: randomUUID(), payment: 'cash' }),
    booking: await h['services.book']({
      uuid: randomUUID(),
      slotId: slot?.id ?? '',
      payment: 'cash',
    }),
  };
  station.db.close();
  return data;
}

const speech = () =>
  createSpeech({ localesDir: join(projectRoot, 'locales'), defaultLocale: 'zh-CN' });

const digitsOrDecimals = /\d/;

describe('the ordering screens’ lines through the core', () => {
  it('the confirmation says the quantity, delivery, funder split and price in words', async () => {
    const d = await orderingData();
    const line = await speech().say(mealConfirmLine(d.quote));
    expect(line.engine).toBe('espeak-ng');
    expect(line.caption).toMatch(/^.+两份，送餐上门。政府补.+元.*，您付.+元.*。对的话请按确认。$/);
    expect(line.caption.replace(d.quote.dish.name, '')).not.toMatch(digitsOrDecimals);
    expect(espeakInput('cmn-latn-pinyin', line.caption)).not.toMatch(/\d\.\d/);
  });

  it('the ticket says the sitting and the printed digits, with 号 from the locale', async () => {
    const d = await orderingData();
    const printed = d.order.queueNumber; // e.g. 午001
    const words = [...printed.slice(1)].map((c) => '零一二三四五六七八九'[Number(c)]).join('');
    const zh = await speech().say(mealTicketLine(d.order));
    expect(zh.caption).toContain(`您的取餐号是午餐${words}号。请到柜台付现金`);
    const en = await speech().say({ ...mealTicketLine(d.order), locale: 'en' });
    expect(en.caption).toContain(`Your pick-up number is Lunch ${printed.slice(1)}.`);
    expect(en.caption).not.toContain('号');
  });

  it('the booking number is read digit by digit as printed', async () => {
    const d = await orderingData();
    const line = await speech().say({ ...bookingTicketLine(d.booking), locale: 'yue' });
    const printed = d.booking.bookingNumber.replace(/\D/g, '');
    expect(printed).toHaveLength(4);
    expect(line.caption).toContain(
      `预约号系${[...printed].map((c) => '零一二三四五六七八九'[Number(c)]).join('')}号`,
    );
    expect(line.engine).toBe('espeak-ng');
  });

  it('the menu reads every dish with its tags and price', async () => {
    const d = await orderingData();
    const sitting = d.menu.sittings.find((s) => s.open);
    if (!sitting) throw new Error('the demo menu has an open sitting at 08:30');
    const line = await speech().say(menuLine(d.menu, sitting));
    for (const dish of sitting.dishes) expect(line.caption).toContain(dish.name);
    const tagged = sitting.dishes.find((dish) => dish.tags.includes('软食'));
    if (tagged) expect(line.caption).toContain(`${tagged.name}，`);
    expect(line.caption).toContain('软食');
    // names are data; everything else, prices included, is words
    let words = line.caption;
    for (const dish of sitting.dishes) words = words.replaceAll(dish.name, '');
    expect(words).not.toMatch(digitsOrDecimals);
  });
});
