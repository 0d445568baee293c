import { CliUsageError, processIo, type CliCommand, type CliIo } from './cli-io';
import { commands } from './commands';

const usage = `usage: kioskctl <command> [options]

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`)
  .join('\n')}`;

/** Runs one kioskctl command line and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage);
    return first ? 0 : 2;
  }
  // Two-word commands (`db backup`, `roster import`) are looked up before one-word ones.
  const two = second ? commands[`${first} ${second}`] : undefined;
  const entry = two ?? commands[first];
  const args = two ? rest : argv.slice(1);
  if (!entry) {
    io.err(`kioskctl: unknown command '${first}'\n${usage}`);
    return 2;
  }
  try {
    return await entry.run(args, io);
  } catch (error) {
    if (isParseArgsError(error)) {
      io.err(`kioskctl ${first}: ${error.message}\n${entry.summary}`);
      return 2;
    }
    if (error instanceof CliUsageError) {
      io.err(`kioskctl: ${error.message}`);
      return 2;
    }
    io.err(`kioskctl: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** node:util parseArgs rejects unknown or malformed options with these codes. */
function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}

export type { CliCommand };
