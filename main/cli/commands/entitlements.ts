import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeEntitlements } from '../../entitlements/engine';
import { parseEngineElder } from '../../entitlements/elder-input';
import { parseYmd } from '../../entitlements/calendar';
import { shanghaiDate } from '../../clock';
import { findPack, knownPackIds } from '../../../policies/registry';
import { CliUsageError, type CliIo } from '../cli-io';

const usage =
  'usage: kioskctl entitlements --policy ID --elder FILE [--on YYYY-MM-DD] [--locale zh-CN|en]';

async function readElder(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliUsageError(`cannot read elder file ${file} (${code})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`elder file ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = parseEngineElder(raw);
  if (!parsed.ok) throw new CliUsageError(`elder file ${file}: ${parsed.problem}`);
  return parsed.elder;
}

/**
 * `kioskctl entitlements`: every item of a pack for the elder in FILE on a date, as a JSON array;
 * each entry has `item` (the number in the policy's source list) and an explanation in the chosen
 * locale. For checking a pack against real records without a running kiosk.
 */
export async function runEntitlements(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        policy: { type: 'string' },
        elder: { type: 'string' },
        on: { type: 'string' },
        locale: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${usage}`);
  }
  if (!values.policy) throw new CliUsageError(`--policy is required\n${usage}`);
  if (!values.elder) throw new CliUsageError(`--elder is required\n${usage}`);
  const locale = values.locale ?? 'zh-CN';
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new CliUsageError(`--locale must be zh-CN or en, not '${locale}'`);
  }
  const on = values.on ?? shanghaiDate();
  if (!parseYmd(on)) throw new CliUsageError(`--on must be a real date as YYYY-MM-DD, not '${on}'`);
  const pack = findPack(values.policy);
  if (!pack) {
    throw new CliUsageError(
      `unknown policy '${values.policy}'; known policies: ${knownPackIds().join(', ')}`,
    );
  }
  const elder = await readElder(values.elder);
  const out = computeEntitlements(elder, pack, on).map((e) => ({
    item: e.item,
    id: e.id,
    title: e.title[locale],
    group: e.group,
    status: e.status,
    amountFen: e.amountFen,
    whatToDo: e.whatToDo[locale],
    dueOn: e.dueOn,
    explanation: e.explanation[locale],
    missingFields: e.missingFields,
    citation: e.citation,
  }));
  io.out(JSON.stringify(out, null, 2));
  return 0;
}
