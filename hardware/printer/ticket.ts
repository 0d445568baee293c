import iconv from 'iconv-lite';
import { escpos } from './escpos';

/**
 * A ticket as plain data: what the ordering feature hands to printTicket. Text is Unicode; the
 * encoder turns it into GB18030 for the printer.
 */
export interface Ticket {
  /** printed bold and tall at the top, e.g. the station name */
  title: string;
  /** body lines, e.g. "红烧肉套餐 x1", "补贴后 ¥6.00" */
  lines: string[];
  /** the queue or pick-up number, printed double size so elders can read it */
  queueNumber?: string | null;
  /** a QR code (e.g. an order link for family members); ASCII/UTF-8 data */
  qr?: string | null;
  /** small print at the bottom, e.g. the time and the order id */
  footer?: string[];
}

/**
 * Control characters in ticket text would be read by the printer as commands (an ESC in a meal
 * name could cut the paper or change the code page), so every C0/C1 control is replaced.
 */
function clean(text: string): string {
  return Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : c;
  }).join('');
}

const text = (s: string): Buffer =>
  Buffer.concat([iconv.encode(clean(s), 'gb18030'), escpos.lineFeed()]);

/** The complete byte stream for one ticket, ending with a cut. */
export function encodeTicket(ticket: Ticket): Buffer {
  const parts: Buffer[] = [
    escpos.initialize(),
    escpos.chineseMode(),
    escpos.align('center'),
    escpos.bold(true),
    escpos.size(1, 2),
    text(ticket.title),
    escpos.size(1, 1),
    escpos.bold(false),
    escpos.align('left'),
    ...ticket.lines.map(text),
  ];
  if (ticket.queueNumber) {
    parts.push(
      escpos.align('center'),
      text('取餐号'),
      escpos.size(2, 2),
      text(ticket.queueNumber),
      escpos.size(1, 1),
    );
  }
  if (ticket.qr) {
    parts.push(
      escpos.align('center'),
      escpos.qr(Buffer.from(ticket.qr, 'utf8')),
      escpos.lineFeed(),
    );
  }
  if (ticket.footer && ticket.footer.length > 0) {
    parts.push(escpos.align('center'), ...ticket.footer.map(text));
  }
  parts.push(escpos.align('left'), escpos.feed(4), escpos.cut());
  return Buffer.concat(parts);
}
