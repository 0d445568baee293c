import { CliUsageError } from '../cli-io';

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new CliUsageError(`--port must be a number from 0 to 65535, not '${text}'`);
  return port;
}
