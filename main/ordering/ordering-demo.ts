import type { Db } from '../store/open-database';
import { shanghaiIso } from '../clock';
import { deposit } from './wallet';

/**
 * The demo station's ordering data, added next to what seedDemoStation made: service terms (Nanxun
 * pack items), a week of service slots from `today`, and opening balances. Idempotent, and run on
 * every start so a demo station always has slots for the coming week.
 */
interface DemoTerms {
  purchasedMinutesPerMonth: number;
  purchasedFor: string[];
  subsidyPercent: number;
  subsidyFor: string[];
  isAssessment?: boolean;
  times: string[];
  capacity: number;
}

// 11: 高龄失能老人养老服务, 15: 养老服务补贴 (政府购买服务 hours); 5: 社区居家照料服务 (every 60+);
// 24: 探访关爱服务; 4: 能力评估 (free).
const HOURS = ['11-care-service-80', '15-care-subsidy'];
export const demoServiceTerms: Record<string, DemoTerms> = {
  's-bath': {
    purchasedMinutesPerMonth: 120,
    purchasedFor: HOURS,
    subsidyPercent: 20,
    subsidyFor: ['5-home-care'],
    times: ['09:00', '14:00'],
    capacity: 1,
  },
  's-clean': {
    purchasedMinutesPerMonth: 240,
    purchasedFor: HOURS,
    subsidyPercent: 20,
    subsidyFor: ['5-home-care'],
    times: ['09:00', '14:00'],
    capacity: 2,
  },
  's-escort': {
    purchasedMinutesPerMonth: 180,
    purchasedFor: HOURS,
    subsidyPercent: 20,
    subsidyFor: ['5-home-care'],
    times: ['08:00'],
    capacity: 2,
  },
  's-haircut': {
    purchasedMinutesPerMonth: 0,
    purchasedFor: [],
    subsidyPercent: 50,
    subsidyFor: ['5-home-care'],
    times: ['09:00', '10:00', '14:00', '15:00'],
    capacity: 3,
  },
  's-rehab': {
    purchasedMinutesPerMonth: 90,
    purchasedFor: ['19-nursing-subsidy', ...HOURS],
    subsidyPercent: 20,
    subsidyFor: ['5-home-care'],
    times: ['09:30', '15:00'],
    capacity: 2,
  },
  's-visit': {
    purchasedMinutesPerMonth: 60,
    purchasedFor: ['24-visits'],
    subsidyPercent: 0,
    subsidyFor: [],
    times: ['10:00', '15:00'],
    capacity: 2,
  },
  's-assessment': {
    purchasedMinutesPerMonth: 0,
    purchasedFor: [],
    subsidyPercent: 0,
    subsidyFor: [],
    isAssessment: true,
    times: ['09:00', '14:00'],
    capacity: 2,
  },
};

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function ensureDemoOrdering(db: Db, today: string, now: Date): void {
  const services = new Set(
    (db.prepare('SELECT id FROM services').all() as { id: string }[]).map((r) => r.id),
  );
  db.transaction(() => {
    const terms = db.prepare(
      `INSERT OR IGNORE INTO service_terms (service_id, purchased_minutes_per_month, purchased_for, subsidy_percent, subsidy_for, is_assessment)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const slot = db.prepare(
      'INSERT OR IGNORE INTO service_slots (id, service_id, starts_at, capacity, booked) VALUES (?, ?, ?, ?, 0)',
    );
    for (const [id, t] of Object.entries(demoServiceTerms)) {
      if (!services.has(id)) continue;
      terms.run(
        id,
        t.purchasedMinutesPerMonth,
        JSON.stringify(t.purchasedFor),
        t.subsidyPercent,
        JSON.stringify(t.subsidyFor),
        t.isAssessment ? 1 : 0,
      );
      for (let i = 0; i < 7; i++) {
        const date = addDays(today, i);
        for (const time of t.times)
          slot.run(
            `${id}-${date}-${time.replace(':', '')}`,
            id,
            `${date}T${time}:00.000+08:00`,
            t.capacity,
          );
      }
    }
  }).immediate();
  // Opening balances: 100 yuan in every demo elder's meal wallet, once.
  const elders = db
    .prepare(
      `SELECT id FROM elders e WHERE NOT EXISTS
        (SELECT 1 FROM ledger_entries l WHERE l.record_kind = 'deposit' AND l.elder_id = e.id)`,
    )
    .all() as { id: string }[];
  const at = shanghaiIso(now);
  for (const e of elders)
    deposit(db, {
      elderId: e.id,
      account: 'elder:meal-wallet',
      amountFen: 10_000,
      from: 'counter:cash-drawer',
      at,
    });
}
