import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliUsageError, type CliIo } from '../cli-io';
import { databaseFile, defaultDataDir } from '../../boot/data-dir';
import { openStationDatabase, type Db } from '../../store/open-database';
import { shanghaiIso } from '../../clock';
import { loadPepper } from '../../staff/pepper';
import {
  addStaffMember,
  listStaffWithCards,
  setStaffPin,
  StaffAdminError,
} from '../../staff/staff-admin';
import { readPinFromStdin } from './read-pin';

/** Where a command gets the PIN: never argv (shell history, `ps`); stdin or a hidden prompt. */
export type PinReader = () => Promise<string>;

const USAGE = {
  add: 'usage: kioskctl staff add --data-dir D --name NAME --role staff|supervisor --card UID [--card UID] [--id ID]  (PIN on stdin or at the prompt)',
  list: 'usage: kioskctl staff list --data-dir D',
  'reset-pin':
    'usage: kioskctl staff reset-pin --data-dir D --id ID  (new PIN on stdin or at the prompt)',
} as const;

/**
 * The same refusal whether `--pin` or a bare six digits tried to carry a PIN: on the command line
 * anyone on the box would see it.
 */
function refusePinInArgv(args: string[], positionals: string[] = []): void {
  if (args.some((a) => /^--?pin(=|$)/i.test(a)) || positionals.some((a) => /^\d{6}$/.test(a)))
    throw new CliUsageError(
      'a PIN is never given on the command line (shell history and `ps` would show it): type it at the prompt, or pipe it on stdin',
    );
}

/**
 * The station's data dir and database. `add` may create it (a station set up before its first
 * start, like `roster import`); `list` and `reset-pin` want one that exists, and say so before
 * any PIN is asked for.
 */
function station(dataDir: string | undefined, mayCreate: boolean): { dir: string; file: string } {
  const dir = dataDir ?? defaultDataDir();
  const file = databaseFile(dir);
  if (!mayCreate && !existsSync(file))
    throw new CliUsageError(`no station database at ${file} (give --data-dir)`);
  return { dir, file };
}

function withStation<T>(
  where: { dir: string; file: string },
  use: (db: Db, pepper: Buffer) => T,
): T {
  const db = openStationDatabase(where.file);
  try {
    return use(db, loadPepper(where.dir));
  } finally {
    db.close();
  }
}

/** `kioskctl staff add|list|reset-pin …`: a real station's staff, without the demo seed. */
export async function runStaff(
  args: string[],
  io: CliIo,
  readPin: PinReader = readPinFromStdin,
): Promise<number> {
  const [sub, ...rest] = args;
  refusePinInArgv(rest);
  const at = shanghaiIso(new Date());
  try {
    switch (sub) {
      case 'add': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            'data-dir': { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string' },
            card: { type: 'string', multiple: true },
            id: { type: 'string' },
          },
          strict: true,
          allowPositionals: true,
        });
        refusePinInArgv(rest, positionals);
        if (positionals.length > 0 || !values.name || !values.role || !values.card)
          throw new CliUsageError(USAGE.add);
        const { name, role, card, id } = values;
        const where = station(values['data-dir'], true);
        const pin = await readPin();
        const added = withStation(where, (db, pepper) =>
          addStaffMember(db, pepper, { id, name, role, cards: card, pin }, at),
        );
        io.out(`added ${added.role} ${added.id} (${card.length} card(s)); the PIN is set`);
        return 0;
      }
      case 'list': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { 'data-dir': { type: 'string' } },
          strict: true,
          allowPositionals: true,
        });
        refusePinInArgv(rest, positionals);
        if (positionals.length > 0) throw new CliUsageError(USAGE.list);
        const staff = withStation(station(values['data-dir'], false), (db) =>
          listStaffWithCards(db),
        );
        if (staff.length === 0) io.out('no staff yet: kioskctl staff add …');
        for (const s of staff)
          io.out(
            [
              s.id,
              s.name,
              s.role,
              s.locked ? 'LOCKED' : `ok (${s.failedPins} wrong PIN(s))`,
              s.cards.map((c) => (c.status === 'lost' ? `${c.uid} (lost)` : c.uid)).join(' '),
            ].join('\t'),
          );
        return 0;
      }
      case 'reset-pin': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { 'data-dir': { type: 'string' }, id: { type: 'string' } },
          strict: true,
          allowPositionals: true,
        });
        refusePinInArgv(rest, positionals);
        if (positionals.length > 0 || !values.id) throw new CliUsageError(USAGE['reset-pin']);
        const staffId = values.id;
        const where = station(values['data-dir'], false);
        const pin = await readPin();
        const done = withStation(where, (db, pepper) => setStaffPin(db, pepper, staffId, pin, at));
        io.out(`new PIN set for ${done.id}; unlocked`);
        return 0;
      }
      default:
        throw new CliUsageError(`${USAGE.add}\n${USAGE.list}\n${USAGE['reset-pin']}`);
    }
  } catch (error) {
    if (error instanceof StaffAdminError) {
      io.err(`kioskctl staff ${sub ?? ''}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
