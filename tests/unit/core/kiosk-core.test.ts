import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../contract/views';
import { demoStation } from '../../support/station';
import { makeTempDir } from '../../support/temp-dir';
import { openStationDatabase } from '../../../main/store/open-database';
import { upsertElders } from '../../../main/roster/elder-repo';
import { demoElders } from '../../../main/demo/demo-elders';

describe('KioskCore sessions', () => {
  it('greets the elder whose card was tapped, with age in 周岁 and the ID number masked', () => {
    const { core } = demoStation();
    const seen: SessionState[] = [];
    core.events.on('session', (s) => seen.push(s));
    const state = core.cardTapped('0A1B2C3D4E', 'test');
    expect(state.kind).toBe('elder');
    if (state.kind !== 'elder') return;
    expect(state.elder.name).toBe('张桂英');
    expect(state.elder.age).toBe(83);
    expect(state.elder.idNumberMasked).toMatch(/^\*{14}\d{3}[\dX]$/);
    expect(JSON.stringify(state)).not.toMatch(/\d{17}[\dX]/);
    expect(seen).toEqual([state]);
  });

  it('refuses an unknown card and a lost card with different reasons, and forgets the last elder', () => {
    const { core, db } = demoStation();
    core.cardTapped('0A1B2C3D4E', 'test');
    expect(core.cardTapped('FFFFFFFF', 'test')).toEqual({
      kind: 'card-refused',
      reason: 'unknown-card',
    });
    expect(core.currentElder()).toBeNull();
    db.prepare("UPDATE cards SET status = 'lost' WHERE uid = '04A1B2C3'").run();
    expect(core.cardTapped('04A1B2C3', 'test')).toEqual({
      kind: 'card-refused',
      reason: 'lost-card',
    });
  });

  it('ends the session back to idle', () => {
    const { core } = demoStation();
    core.cardTapped('0A1B2C3D4E', 'test');
    expect(core.endSession()).toEqual({ kind: 'idle' });
    expect(core.currentElder()).toBeNull();
  });

  it('records a help call in the outbox with the session’s elder, and logs no name', () => {
    const { core, db, log } = demoStation();
    core.cardTapped('0A1B2C3D4E', 'test');
    const receipt = core.callForHelp('green', 'screen');
    const row = db.prepare('SELECT type, payload FROM outbox WHERE uuid = ?').get(receipt.uuid) as {
      type: string;
      payload: string;
    };
    expect(row.type).toBe('help.call');
    expect(JSON.parse(row.payload)).toMatchObject({
      button: 'green',
      elderId: 'nx-0001',
      stationId: 'nanxun-demo-01',
    });
    expect(log.join('\n')).not.toContain('张桂英');
  });

  it('sees a roster written by another process at the next tap, with no restart', () => {
    const temp = makeTempDir();
    try {
      const file = join(temp.dir, 'station.db');
      const { core } = demoStation(file);
      expect(core.cardTapped('ABCDEF0123', 'test').kind).toBe('card-refused');
      const other = openStationDatabase(file);
      const base = demoElders[0];
      if (!base) throw new Error('no demo elders');
      upsertElders(other, [{ ...base, id: 'new-1', name: '新来的', cards: ['ABCDEF0123'] }]);
      other.close();
      const state = core.cardTapped('ABCDEF0123', 'test');
      expect(state.kind === 'elder' && state.elder.name).toBe('新来的');
    } finally {
      temp.remove();
    }
  });
});
