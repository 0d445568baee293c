import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entitlement } from '../../../contract/calls/benefit-calls';
import type {
  BookingView,
  MealOrderView,
  MealQuote,
  MenuSitting,
  MenuView,
  ServiceQuote,
} from '../../../contract/calls/ordering-calls';
import { espeakInput } from '../../../main/speech/espeak-engine';
import { createPromptTexts } from '../../../main/speech/prompt-text';
import { SpeechLog } from '../../../main/speech/speech-log';
import { SpeechService } from '../../../main/speech/speech-service';
import type { TtsEngine } from '../../../main/speech/tts-engine';
import { unitIds } from '../../../main/speech/unit-tokens';
import { createVoicePacks } from '../../../main/speech/voice-pack';
import { encodeWav } from '../../../main/speech/wav';
import { projectRoot } from '../../support/kioskctl';
import { tempDir, writeFullPack } from './generated-pack';
import { benefitLines, orderingLines } from './renderer-lines';

const { bookingTicketLine, mealConfirmLine, mealTicketLine, menuLine, serviceConfirmLine } =
  orderingLines;
const { benefitItemLine } = benefitLines;

// The lines the real screens send (renderer/speech/lines/), through the real core and the real
// locales/ texts. The Wu pack is "complete": every prompt piece and unit of the repository's
// locales, as copies of one generated test tone (not speech), in a station override folder.
const localesDir = join(projectRoot, 'locales');
const texts = createPromptTexts(localesDir);

/** A stand-in TTS (named as such) that records what it was asked to say. */
function recordingTts() {
  const said: string[] = [];
  const engine: TtsEngine = {
    id: 'espeak-ng',
    voiceFor: (l) => (['zh-CN', 'yue', 'en'].includes(l) ? `stand-in-${l}` : null),
    async synthesize({ text, voiceLocale }) {
      said.push(text);
      return {
        wav: encodeWav(new Float32Array(160), 16_000),
        engine: 'espeak-ng',
        voice: `stand-in-${voiceLocale}`,
      };
    },
  };
  return { engine, said };
}

// Each pack is some 600 copies of the tone: removed after each test.
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function speech(withWuPack: boolean) {
  const tts = recordingTts();
  const root = tempDir('spoken-lines-');
  roots.push(root);
  const overrideDir = join(root, 'voice-packs');
  if (withWuPack) writeFullPack(overrideDir, 'wuu', texts, unitIds);
  const svc = new SpeechService({
    texts,
    packs: createVoicePacks({ localesDir, overrideDir }),
    engines: [tts.engine],
    log: new SpeechLog(),
    defaultLocale: 'zh-CN',
  });
  return { svc, said: tts.said };
}

const split = { fullFen: 1500, government: 300, enterprise: 200, charity: 250, personal: 750 };
const quote: MealQuote = {
  date: '2026-11-24',
  sitting: 'lunch',
  dish: { id: 'd-hongshaorou', name: '红烧肉套餐', icon: '🍖' },
  quantity: 1,
  delivery: false,
  tier: 'A',
  lines: [],
  total: split,
};
const order = {
  queueNumber: '午012',
  printState: 'printed',
  paymentState: 'awaiting-cash',
  quote,
} as MealOrderView;
const booking = {
  bookingNumber: '预0007',
  printState: 'printed',
} as BookingView;
const serviceQuote = {
  service: { id: 's-haircut', name: '理发', icon: '💇', durationMinutes: 30 },
  slot: {
    id: 'x',
    serviceId: 's-haircut',
    startsAt: '2026-11-24T09:30:00+08:00',
    capacity: 2,
    left: 1,
  },
  purchasedMinutes: 0,
  total: { fullFen: 1000, government: 0, enterprise: 0, charity: 0, personal: 1000 },
} as ServiceQuote;
const allowance = {
  id: 'nx-12',
  title: { 'zh-CN': '高龄津贴', en: 'Old-age allowance' },
  whatToDo: { 'zh-CN': '请到服务站柜台申请', en: 'Apply at the counter' },
  status: 'can-apply',
  amountFen: { monthly: 12_000, atLeast: true },
  pricePercent: 85,
  freeDelivery: false,
} as Entitlement;
const lunch: MenuSitting = {
  sitting: 'lunch',
  date: '2026-11-24',
  cutoff: '2026-11-24T10:30:00+08:00',
  open: true,
  subsidisedUsed: false,
  dishes: [
    {
      id: 'd-yu',
      name: '清蒸鲈鱼套餐',
      icon: '🐟',
      tags: ['低盐', '软食'],
      portionsLeft: 5,
      fullFen: 1600,
      elderFen: 850,
    },
    {
      id: 'd-rou',
      name: '红烧肉套餐',
      icon: '🍖',
      tags: [],
      portionsLeft: 5,
      fullFen: 1500,
      elderFen: 700,
    },
  ],
};
const menu: MenuView = {
  date: '2026-11-24',
  day: 'today',
  tier: 'A',
  delivery: { allowed: true, feeFen: 0, elderFeeFen: 0, free: true },
  sittings: [lunch],
};

describe('the screens’ spoken lines with a complete Wu pack (generated tones, not speech)', () => {
  let s: ReturnType<typeof speech>;
  beforeEach(() => {
    s = speech(true);
  });

  it('the pick-up ticket line is all clips: 中饭, the digits, 号, the money', async () => {
    const line = await s.svc.say({ ...mealTicketLine(order), locale: 'wuu' });
    expect(line.caption).toBe('订好哉。侬个拿饭号头是中饭零一二号。请到柜台浪付现钞七块五角。');
    expect(line.engine).toBe('clip');
    expect(s.said).toEqual([]);
  });

  it('the booking number line is all clips, digit by digit as printed', async () => {
    const line = await s.svc.say({ ...bookingTicketLine(booking), locale: 'wuu' });
    expect(line.caption).toBe('约好哉。预约号头是零零零七号，请拿好小票。');
    expect(line.engine).toBe('clip');
    expect(s.said).toEqual([]);
  });

  it('the meal confirmation: only the dish name is TTS; delivery, the funder split and money are clips', async () => {
    const line = await s.svc.say({ ...mealConfirmLine(quote), locale: 'wuu' });
    expect(line.caption).toBe(
      '红烧肉套餐一份，堂吃。政府贴三块，企业让两块，慈善捐两块五角，侬付七块五角。对个闲话请按确认。',
    );
    expect(line.segments.filter((seg) => seg.engine !== 'clip')).toHaveLength(1);
    expect(s.said).toEqual(['红烧肉套餐']);
  });

  it('the booking confirmation: the service name is TTS, the day, time and money are clips', async () => {
    const line = await s.svc.say({ ...serviceConfirmLine(serviceQuote), locale: 'wuu' });
    expect(line.caption).toBe('理发，十一月廿四号上半天九点半，侬付十块。对个闲话请按确认。');
    expect(s.said).toEqual(['理发']);
  });

  it('a benefit: title and what to do are TTS (policy text); status and amounts are clips', async () => {
    const line = await s.svc.say({ ...benefitItemLine(allowance, 'wuu'), locale: 'wuu' });
    expect(line.caption).toBe(
      '高龄津贴，好申请个。每个号头起码一百廿块，打八五折。请到服务站柜台申请。',
    );
    expect(s.said).toEqual(['高龄津贴', '请到服务站柜台申请']);
  });

  it('the menu reads each dish with its dietary tags in the locale’s words', async () => {
    const line = await s.svc.say({ ...menuLine(menu, lunch), locale: 'wuu' });
    expect(line.caption).toBe(
      '今朝中饭有：清蒸鲈鱼套餐，少盐、软个，侬付八块五角；红烧肉套餐，侬付七块。点一只菜就好订。',
    );
    expect(s.said).toEqual(['清蒸鲈鱼套餐', '红烧肉套餐']);
  });
});

describe('the screens’ spoken lines without a pack: what the TTS is given', () => {
  it('a price reaches the TTS as words (七元五角), never as 7.50, and espeak-ng gets pinyin for it', async () => {
    const { svc, said } = speech(false);
    const line = await svc.say({ ...mealConfirmLine(quote), locale: 'zh-CN' });
    expect(line.engine).toBe('espeak-ng');
    expect(said).toEqual([
      '红烧肉套餐一份，堂食。政府补三元，企业让两元，慈善捐两元五角，您付七元五角。对的话请按确认。',
    ]);
    const input = espeakInput('cmn-latn-pinyin', said[0] ?? '');
    expect(input).not.toMatch(/\d\.\d|7\.5/);
    expect(input).toContain('qi1 yuan2 wu3 jiao3');
  });

  it('a Wu line goes to the Mandarin voice in Mandarin words, nested words included', async () => {
    const { svc, said } = speech(false);
    const line = await svc.say({ ...mealTicketLine(order), locale: 'wuu' });
    expect(line.caption).toContain('中饭零一二号');
    expect(said).toEqual(['订好了。您的取餐号是午餐零一二号。请到柜台付现金七元五角。']);
  });

  it('Henan says 块 and 毛; Cantonese 蚊 and 毫; English says figures', async () => {
    const { svc } = speech(false);
    const ticket = mealTicketLine(order);
    expect((await svc.say({ ...ticket, locale: 'zh-x-henan' })).caption).toContain(
      '恁去柜台付现钱七块五毛。',
    );
    expect((await svc.say({ ...ticket, locale: 'yue' })).caption).toContain('俾现金七蚊五毫');
    expect((await svc.say({ ...mealConfirmLine(quote), locale: 'en' })).caption).toBe(
      '红烧肉套餐, 1 portion(s), Eat here: the government pays 3 yuan, the caterer takes off 2 yuan, charity gives 2.50 yuan, you pay 7.50 yuan. Press confirm if this is right.',
    );
  });

  it('only {{name}} slots are read as names; a dish is not', async () => {
    const names: string[][] = [];
    const svc = new SpeechService({
      texts,
      packs: createVoicePacks({ localesDir }),
      engines: [
        {
          id: 'espeak-ng',
          voiceFor: () => 'stand-in',
          async synthesize(r) {
            names.push(r.names ?? []);
            return {
              wav: encodeWav(new Float32Array(160), 16_000),
              engine: 'espeak-ng',
              voice: 'x',
            };
          },
        },
      ],
      log: new SpeechLog(),
      defaultLocale: 'zh-CN',
    });
    await svc.say({ key: 'greeting.spoken', params: { name: '曾阿姨' } });
    await svc.say(mealConfirmLine({ ...quote, dish: { ...quote.dish, name: '曾记鱼丸' } }));
    expect(names).toEqual([['曾阿姨'], []]);
  });
});
