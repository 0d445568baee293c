import { CliUsageError } from '../cli-io';

/** Reads everything piped in, up to a limit (a PIN is one short line). */
async function readPiped(stdin: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.length > 1024) throw new CliUsageError('stdin holds more than a PIN');
  }
  return text;
}

/** One line typed at the terminal with nothing echoed (raw mode), on stderr's prompt. */
function promptHidden(stdin: NodeJS.ReadStream, question: string): Promise<string> {
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new CliUsageError('cancelled; nothing was changed'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The PIN for `kioskctl staff add|reset-pin`. At a terminal: asked twice with nothing echoed, and
 * the two must match. Piped: the first line of stdin (`printf '%s\n' "$PIN" | kioskctl …`). Never
 * from argv, where shell history and `ps` would keep it.
 */
export async function readPinFromStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY) {
    const first = await promptHidden(stdin, 'PIN (6 digits): ');
    const again = await promptHidden(stdin, 'the same PIN again: ');
    if (first !== again)
      throw new CliUsageError('the two PINs were different; nothing was changed');
    return first;
  }
  const line = (await readPiped(stdin)).split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (!line)
    throw new CliUsageError(
      'no PIN on stdin: pipe six digits (printf "%s\\n" "$PIN" | kioskctl …) or run it in a terminal to be asked',
    );
  return line;
}
