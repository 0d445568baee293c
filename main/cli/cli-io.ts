/** Where a kioskctl command writes. Commands take it as an argument so tests can capture output. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A usage or input error: kioskctl prints the message (no stack) and exits with code 2. */
export class CliUsageError extends Error {}

/** A kioskctl command: receives the words after its name and returns the process exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
