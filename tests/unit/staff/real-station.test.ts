import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElderRecord } from '../../../contract/elder';
import type { CliIo } from '../../../main/cli/cli-io';
import { main } from '../../../main/cli/kioskctl';
import { runStaff } from '../../../main/cli/commands/staff';
import { defaultConfig } from '../../../main/config/load-config';
import { KioskCore } from '../../../main/core/kiosk-core';
import { demoElders } from '../../../main/demo/demo-elders';
import { upsertElders } from '../../../main/roster/elder-repo';
import { applyChanges } from '../../../main/sync/apply-changes';
import { changeSchema } from '../../../contract/sync-protocol';
import { staffHandlers } from '../../../main/staff/staff-handlers';
import { openStationDatabase } from '../../../main/store/open-database';
import { kioskctlBin, projectRoot, runKioskctl } from '../../support/kioskctl';
import { openPtyPair } from '../../support/pty';
import { makeTempDir } from '../../support/temp-dir';
import { openStationFile } from '../../support/station-db';
import { dishOf, TODAY } from '../ordering/ordering-fixture';
import { STAFF, staffStation, outboxRows } from './staff-fixture';

// Issue 8 item 1 on a real station: no demo seed, so staff come from `kioskctl staff …` (the PIN
// on stdin or at a hidden prompt, never in argv) and delivery addresses from the elder record's
// `address` (roster import or the platform's roster).

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => void lines.push(l), err: (l) => void errors.push(l) };
}

/** kioskctl as a child process with `input` piped to its stdin. */
function runWithStdin(args: string[], input: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [kioskctlBin, ...args], { cwd: projectRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Signs in with a staff card and PIN on a station core opened on `dir`, as the kiosk would. */
async function signsIn(dir: string, uid: string, pin: string): Promise<string> {
  const db = openStationDatabase(join(dir, 'station.db'));
  try {
    const core = new KioskCore({ db, config: defaultConfig });
    const handlers = staffHandlers({ core, printTicket: async () => undefined });
    const tapped = core.cardTapped(uid, 'test');
    if (tapped.kind !== 'staff-pin') return tapped.kind;
    return (await handlers['staff.pin']({ pin })).kind;
  } finally {
    db.close();
  }
}

describe('kioskctl staff add | list | reset-pin', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir('yiyang-staff-cli-')));
  afterEach(() => temp.remove());

  it('adds staff to a station with no demo data; they sign in with that card and PIN', async () => {
    const io = captureIo();
    const args = ['add', '--data-dir', temp.dir, '--name', '赵小芳', '--role', 'supervisor'];
    expect(
      await runStaff([...args, '--card', '5b00000a', '--id', 'zj-017'], io, async () => '246810'),
    ).toBe(0);
    expect(io.lines).toEqual(['added supervisor zj-017 (1 card(s)); the PIN is set']);
    expect(await signsIn(temp.dir, '5B00000A', '246810')).toBe('staff');
    expect(await signsIn(temp.dir, '5B00000A', '135790')).toBe('staff-pin');

    const listed = captureIo();
    expect(await runStaff(['list', '--data-dir', temp.dir], listed)).toBe(0);
    expect(listed.lines).toEqual(['zj-017\t赵小芳\tsupervisor\tok (1 wrong PIN(s))\t5B00000A']);
    const db = openStationFile(join(temp.dir, 'station.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM elders').get()).toEqual({ n: 0 });
    expect(JSON.stringify(db.prepare('SELECT * FROM staff').all())).not.toContain('246810');
    db.close();
  });

  it('refuses bad input with a message naming what is wrong, and writes nothing', async () => {
    const base = ['add', '--data-dir', temp.dir, '--name', '钱师傅', '--card', '5B00000B'];
    const cases: [string[], string, string][] = [
      [[...base, '--role', 'boss'], '123456', 'role must be staff or supervisor, not "boss"'],
      [[...base, '--role', 'staff'], '12345', 'the PIN must be exactly six digits'],
      [[...base, '--role', 'staff'], '12345a', 'the PIN must be exactly six digits'],
      [
        ['add', '--data-dir', temp.dir, '--name', '钱师傅', '--role', 'staff', '--card', '12-34'],
        '123456',
        'card 12-34: expected 8 to 20 hex digits',
      ],
      [[...base, '--role', 'staff', '--id', 'has space'], '123456', 'staff id "has space"'],
    ];
    for (const [args, pin, message] of cases) {
      const io = captureIo();
      expect(await runStaff(args, io, async () => pin), args.join(' ')).toBe(1);
      expect(io.errors.join('\n')).toContain(message);
    }
    // A card already in use, an elder's card, an id taken.
    upsertElders(openStationDatabase(join(temp.dir, 'station.db')), [
      { ...(demoElders[0] as ElderRecord), cards: ['0A1B2C3D4E'] },
    ]);
    const ok = captureIo();
    expect(
      await runStaff([...base, '--role', 'staff', '--id', 's1'], ok, async () => '111111'),
    ).toBe(0);
    for (const [args, message] of [
      [[...base, '--role', 'staff'], 'card 5B00000B is already a staff card'],
      [
        ['add', '--data-dir', temp.dir, '--name', '孙', '--role', 'staff', '--card', '0A1B2C3D4E'],
        "card 0A1B2C3D4E is an elder's card",
      ],
      [
        ['add', '--data-dir', temp.dir, '--name', '孙', '--role', 'staff', '--card', '5B0000CC'],
        '',
      ],
    ] as [string[], string][]) {
      const io = captureIo();
      const code = await runStaff(
        [...args, ...(message ? [] : ['--id', 's1'])],
        io,
        async () => '111111',
      );
      expect(code).toBe(1);
      expect(io.errors.join('\n')).toContain(
        message || 'there is already a staff member with id s1',
      );
    }
    const listed = captureIo();
    await runStaff(['list', '--data-dir', temp.dir], listed);
    expect(listed.lines).toHaveLength(1);
  });

  it('never takes a PIN from argv: --pin or bare digits are refused before anything is read', async () => {
    for (const extra of [['--pin', '123456'], ['--pin=123456'], ['123456']]) {
      const io = captureIo();
      const code = await main(
        [
          'staff',
          'add',
          '--data-dir',
          temp.dir,
          '--name',
          'x',
          '--role',
          'staff',
          '--card',
          '5B00000C',
          ...extra,
        ],
        io,
      ).catch(() => -1);
      expect(code, extra.join(' ')).toBe(2);
      expect(io.errors.join('\n')).toContain('a PIN is never given on the command line');
    }
  });

  it('list and reset-pin want an existing station; add may create one', async () => {
    for (const args of [
      ['staff', 'list', '--data-dir', join(temp.dir, 'none')],
      ['staff', 'reset-pin', '--data-dir', join(temp.dir, 'none'), '--id', 'x'],
    ]) {
      const io = captureIo();
      expect(await main(args, io)).toBe(2);
      expect(io.errors.join('\n')).toContain('no station database at');
    }
  });

  it('as a real process: the PIN piped on stdin; reset-pin unlocks a locked member with a new PIN', async () => {
    const add = await runWithStdin(
      [
        'staff',
        'add',
        '--data-dir',
        temp.dir,
        '--name',
        '周会计',
        '--role',
        'staff',
        '--card',
        '5B00000D',
        '--id',
        'zk-1',
      ],
      '975310\n',
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    for (let i = 0; i < 10; i++) await signsIn(temp.dir, '5B00000D', '000000');
    expect(await signsIn(temp.dir, '5B00000D', '975310')).toBe('staff-pin'); // locked now
    const listed = await runKioskctl(['staff', 'list', '--data-dir', temp.dir]);
    expect(listed.stdout).toContain('zk-1\t周会计\tstaff\tLOCKED\t5B00000D');

    const reset = await runWithStdin(
      ['staff', 'reset-pin', '--data-dir', temp.dir, '--id', 'zk-1'],
      '864200\n',
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('new PIN set for zk-1; unlocked');
    expect(await signsIn(temp.dir, '5B00000D', '864200')).toBe('staff');
    const db = openStationFile(join(temp.dir, 'station.db'), { readonly: true });
    expect(outboxRows(db, 'staff.pin-reset')).toEqual([
      expect.objectContaining({ staffId: 'zk-1', supervisorId: null, via: 'kioskctl' }),
    ]);
    db.close();

    const none = await runWithStdin(
      ['staff', 'reset-pin', '--data-dir', temp.dir, '--id', 'nobody'],
      '864200\n',
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no staff member with id nobody');
    const empty = await runWithStdin(
      ['staff', 'reset-pin', '--data-dir', temp.dir, '--id', 'zk-1'],
      '',
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no PIN on stdin');
  });

  it('at a terminal (a real PTY): asks twice with nothing echoed, and refuses two different PINs', async () => {
    const pty = await openPtyPair();
    try {
      const run = (pins: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string; echoed: string }>(
          (resolve) => {
            // A terminal as a login shell has it: echo on, line editing on (socat made it raw).
            execFileSync('stty', ['-F', pty.a, 'echo', 'icanon', 'icrnl']);
            const fd = openSync(pty.a, 'r+');
            const child = spawn(
              process.execPath,
              [
                kioskctlBin,
                'staff',
                'add',
                '--data-dir',
                temp.dir,
                '--name',
                '吴',
                '--role',
                'staff',
                '--card',
                '5B00000E',
              ],
              { cwd: projectRoot, stdio: [fd, 'pipe', 'pipe'] },
            );
            closeSync(fd);
            let stdout = '';
            let stderr = '';
            let echoed = '';
            const far = openSync(pty.b, 'r+');
            // Whatever the terminal shows comes out at the far end: an echo would be seen here.
            const screen = createReadStream('', { fd: far, autoClose: false });
            screen.on('data', (d) => (echoed += d.toString()));
            screen.on('error', () => undefined);
            const typed = [...pins];
            child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
            child.stderr?.on('data', (d: Buffer) => {
              stderr += d.toString();
              // Each prompt gets the next line typed, as a person would after reading it.
              const prompts = (stderr.match(/PIN \(6 digits\): |the same PIN again: /g) ?? [])
                .length;
              while (pins.length - typed.length < prompts && typed.length > 0)
                writeFileSync(far, `${typed.shift()}\r`);
            });
            child.on('close', (code) => {
              screen.destroy();
              resolve({ code, stdout, stderr, echoed });
            });
          },
        );
      const mismatch = await run(['111111', '222222']);
      expect(mismatch.code).toBe(2);
      expect(mismatch.stderr).toContain('the two PINs were different; nothing was changed');
      const ok = await run(['314159', '314159']);
      expect(ok.code, ok.stderr).toBe(0);
      // Nothing typed was echoed to the terminal, and stderr holds only the prompts.
      expect(ok.echoed).not.toContain('314159');
      expect(ok.stderr).not.toContain('314159');
      expect(await signsIn(temp.dir, '5B00000E', '314159')).toBe('staff');
    } finally {
      await pty.close();
    }
  });
});

describe('delivery addresses from the elder record', () => {
  const station = { current: null as ReturnType<typeof staffStation> | null };
  afterEach(() => station.current?.close());

  it('the delivery list shows the address the roster gave, before any local one; none shows null', async () => {
    const s = (station.current = staffStation());
    const luXiuzhen = demoElders.find((e) => e.id === 'nx-0003') as ElderRecord; // delivery tier
    upsertElders(s.db, [
      { ...luXiuzhen, id: 'real-01', cards: ['ABCDEF01'], address: '练市镇新风路8号' },
      { ...luXiuzhen, id: 'real-02', cards: ['ABCDEF02'] },
      // a demo elder whose record now carries an address: it wins over the demo's local one
      { ...luXiuzhen, address: '南浔镇适园路99号' },
    ]);
    await s.signIn();
    for (const elderId of ['real-01', 'real-02', 'nx-0003']) {
      await s.call('staff.assist', { elderId });
      await s.call('meals.order', {
        uuid: randomUUID(),
        date: TODAY,
        sitting: 'lunch',
        dishId: dishOf(s.db, 'lunch').id,
        quantity: 1,
        delivery: true,
        payment: 'cash', // a new elder's meal wallet is empty
      });
    }
    const today = await s.call('staff.today', {});
    const addressOf = (name: string) =>
      today.delivery.filter((d) => d.elderName === name).map((d) => d.address);
    expect(addressOf(luXiuzhen.name).sort()).toEqual(
      ['练市镇新风路8号', '南浔镇适园路99号', null].sort(),
    );
    expect(STAFF.id).toBe('staff-01');
  });

  it('the platform’s roster (a pulled elder change) carries the address to the delivery list', async () => {
    const s = (station.current = staffStation());
    const luXiuzhen = demoElders.find((e) => e.id === 'nx-0003') as ElderRecord;
    const record = { ...luXiuzhen, id: 'plat-01', cards: ['ABCDEF03'], address: '善琏镇含山路3号' };
    // As the sync worker applies a pull: the change's data is parsed by the protocol's schema.
    const change = changeSchema.parse({ cursor: 1, kind: 'elder', key: record.id, data: record });
    applyChanges(s.db, [change], 1, '2026-11-23T08:30:00.000+08:00');
    await s.signIn();
    await s.call('staff.assist', { elderId: 'plat-01' });
    await s.call('meals.order', {
      uuid: randomUUID(),
      date: TODAY,
      sitting: 'lunch',
      dishId: dishOf(s.db, 'lunch').id,
      quantity: 1,
      delivery: true,
      payment: 'cash',
    });
    const today = await s.call('staff.today', {});
    expect(today.delivery.map((d) => d.address)).toEqual(['善琏镇含山路3号']);
  });

  it('kioskctl roster import stores the address with the record', async () => {
    const temp = makeTempDir('yiyang-roster-address-');
    try {
      const file = join(temp.dir, 'roster.json');
      writeFileSync(
        file,
        JSON.stringify([{ ...demoElders[2], id: 'real-09', address: '练市镇新风路8号' }]),
      );
      const run = await runKioskctl(['roster', 'import', '--data-dir', temp.dir, file]);
      expect(run.code, run.stderr).toBe(0);
      const db = openStationFile(join(temp.dir, 'station.db'), { readonly: true });
      expect(
        db
          .prepare("SELECT json_extract(record, '$.address') AS a FROM elders WHERE id = 'real-09'")
          .get(),
      ).toEqual({ a: '练市镇新风路8号' });
      db.close();
    } finally {
      temp.remove();
    }
  });
});
