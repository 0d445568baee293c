import type { CliCommand } from '../cli-io';

export interface CommandEntry {
  summary: string;
  run: CliCommand;
}

/**
 * Every kioskctl command, by the words that name it. Each command lives in its own file beside
 * this one and is loaded only when it runs, so `kioskctl probe` never opens the database.
 */
export const commands: Record<string, CommandEntry> = {
  probe: {
    summary:
      'print what a card reader or button box sends: kioskctl probe --driver em4100|line|pn532|hid-keyboard|buttons --path DEV [--baud N]',
    run: async (a, io) => (await import('./probe')).runProbe(a, io),
  },
  'print-test': {
    summary: 'print a test ticket: kioskctl print-test --path DEV [--baud N]',
    run: async (a, io) => (await import('./print-test')).runPrintTest(a, io),
  },
  platform: {
    summary:
      'run the reference city platform: kioskctl platform [--db F | --database-url U] [--port P] [--admin-token T]',
    run: async (a, io) => (await import('./platform')).runPlatform(a, io),
  },
  enrol: {
    summary:
      'enrol this station with the city platform and write its platform section: kioskctl enrol --url U --code C [--config F]',
    run: async (a, io) => (await import('./enrol')).runEnrol(a, io),
  },
  serve: {
    summary: 'run the browser host: kioskctl serve [--data-dir D] [--config F] [--port P] [--demo]',
    run: async (a, io) => (await import('./serve')).runServe(a, io),
  },
  'db backup': {
    summary: 'copy the station database safely: kioskctl db backup [--data-dir D] FILE',
    run: async (a, io) => (await import('./db')).runDbBackup(a, io),
  },
  'db verify': {
    summary: 'check the station database: kioskctl db verify [--data-dir D]',
    run: async (a, io) => (await import('./db')).runDbVerify(a, io),
  },
  entitlements: {
    summary:
      'what an elder is entitled to: kioskctl entitlements --policy ID --elder FILE --on YYYY-MM-DD',
    run: async (a, io) => (await import('./entitlements')).runEntitlements(a, io),
  },
  staff: {
    summary:
      "a station's staff: kioskctl staff add|list|reset-pin --data-dir D … (the PIN on stdin or at the prompt, never in argv)",
    run: async (a, io) => (await import('./staff')).runStaff(a, io),
  },
  'roster import': {
    summary: 'load elder records: kioskctl roster import --data-dir D [--demo] FILE',
    run: async (a, io) => (await import('./roster-import')).runRosterImport(a, io),
  },
};
