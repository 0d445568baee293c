import { describe, expect, it } from 'vitest';
import { demoElders } from '../../../main/demo/demo-elders';
import { findIdNumber, findPersonalDataInLog } from '../../support/personal-data';
import { fengYulan } from '../../support/test-elders';

// The scanners the end-to-end privacy fixture runs over every frame, DOM and log line.
const zhang = demoElders[0] as (typeof demoElders)[number];

describe('findIdNumber', () => {
  it('finds a full ID number and names only its last 4 digits', () => {
    const found = findIdNumber(`{"idNumber":"${zhang.idNumber}"}`);
    expect(found).toContain(zhang.idNumber.slice(-4));
    expect(found).not.toContain(zhang.idNumber);
  });

  it('finds one ending in X', () => {
    expect(findIdNumber('11010519491231002X')).not.toBeNull();
  });

  it('passes the masked form the core sends', () => {
    expect(findIdNumber(`**************${zhang.idNumber.slice(-4)}`)).toBeNull();
  });
});

describe('findPersonalDataInLog', () => {
  it('passes the lines the core logs', () => {
    expect(findPersonalDataInLog('[core] card accepted from keyboard-wedge\n')).toBeNull();
    expect(findPersonalDataInLog('[core] help call red from screen, outbox seq 12')).toBeNull();
  });

  it('finds an elder name, a phone and an ID number, masked in its report', () => {
    const name = findPersonalDataInLog(`[core] greeted ${zhang.name}`);
    expect(name).toMatch(/<NAME>/);
    expect(name).not.toContain(zhang.name);
    expect(findPersonalDataInLog(`call ${zhang.phone}`)).toMatch(/<PHONE>/);
    expect(findPersonalDataInLog(`id=${zhang.idNumber}`)).toMatch(/<ID>/);
  });

  it('knows the elders the tests import, not only the demo roster (冯玉兰 of privacy.spec)', () => {
    expect(findPersonalDataInLog(`[core] greeted ${fengYulan.name}`)).toMatch(/<NAME>/);
  });

  it('does not take a long run of digits (an outbox key, a timestamp) for a phone', () => {
    expect(findPersonalDataInLog('seq 1391234567801234')).toBeNull();
  });
});
