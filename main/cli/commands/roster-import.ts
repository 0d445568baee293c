import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliUsageError, type CliIo } from '../cli-io';
import { databaseFile, defaultDataDir } from '../../boot/data-dir';
import { openStationDatabase } from '../../store/open-database';
import { upsertElders } from '../../roster/elder-repo';
import { validateRoster } from '../../roster/validate-roster';
import { seedDemoStation } from '../../demo/seed-demo-station';
import { shanghaiDate } from '../../clock';

/**
 * `kioskctl roster import --data-dir D [--demo] FILE`: loads elder records into a station. Bad
 * records are listed by index and field and the good ones kept. It writes through SQLite's WAL,
 * so a running kiosk sees the new records at the next tap; before the first start it creates the
 * database and adds no demo data unless --demo is given.
 */
export async function runRosterImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, demo: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const source = positionals[0];
  if (!source || positionals.length > 1)
    throw new CliUsageError('usage: kioskctl roster import --data-dir D [--demo] FILE');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliUsageError(
      code
        ? `cannot read ${source} (${code})`
        : `${source} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const { good, problems } = validateRoster(json);
  const db = openStationDatabase(databaseFile(values['data-dir'] ?? defaultDataDir()));
  try {
    if (values.demo) seedDemoStation(db, shanghaiDate());
    upsertElders(db, good);
  } finally {
    db.close();
  }
  for (const p of problems) {
    io.err(`record ${p.index}${p.id ? ` (${p.id})` : ''}: ${p.field}: ${p.message}`);
  }
  const bad = new Set(problems.map((p) => p.index)).size;
  io.out(`imported ${good.length} elder record(s)${bad ? `; ${bad} refused (listed above)` : ''}`);
  return bad ? 1 : 0;
}
