import { CliUsageError, type CliIo } from '../cli-io';

const usage = 'platform [--db FILE | --database-url postgres://…] [--port P] [--admin-token T]';

/** `kioskctl platform`: runs the reference city platform until SIGINT/SIGTERM. */
export async function runPlatform(args: string[], io: CliIo): Promise<number> {
  const opts: { dbFile?: string; databaseUrl?: string; port?: number; adminToken?: string } = {};
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new CliUsageError(`${flag} needs a value\nusage: kioskctl ${usage}`);
    i += 1;
    if (flag === '--db') opts.dbFile = value;
    else if (flag === '--database-url') {
      if (!/^postgres(ql)?:\/\//.test(value))
        throw new CliUsageError(`--database-url must be a postgres:// URL, got '${value}'`);
      opts.databaseUrl = value;
    } else if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliUsageError(`--port must be 0 to 65535, got '${value}'`);
      opts.port = port;
    } else if (flag === '--admin-token') {
      if (value.length < 8) throw new CliUsageError('--admin-token must be at least 8 characters');
      opts.adminToken = value;
    } else throw new CliUsageError(`unknown option ${flag}\nusage: kioskctl ${usage}`);
  }
  if (opts.dbFile && opts.databaseUrl)
    throw new CliUsageError('give --db or --database-url, not both');

  const { startPlatform } = await import('../../../platform/start-platform');
  const platform = await startPlatform({
    ...opts,
    adminToken: opts.adminToken ?? process.env.YIYANG_ADMIN_TOKEN,
  });
  if (!opts.adminToken && !process.env.YIYANG_ADMIN_TOKEN)
    io.out(`admin token: ${platform.adminToken}`);
  io.out(`storage: ${platform.backend}`);
  io.out(`listening on ${platform.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await platform.close();
  return 0;
}
