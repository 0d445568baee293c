import {
  ACK,
  CMD,
  NACK,
  TFI_HOST,
  TFI_PN532,
  encodePn532Frame,
} from '../../../hardware/framing/pn532-frame';
import { Pn532Framer, type Pn532Frame } from '../../../hardware/framing/pn532-framer';
import type { SerialPeer } from './serial-peer';

/**
 * Answers like a PN532 on the far end of a PTY: ACK to every well-formed command, then the
 * response. Tests switch it into misbehaving: NACK the next command, corrupt the next response,
 * or go silent (a module that browned out).
 */
export class Pn532Responder {
  readonly commands: number[] = [];
  /** UID of the card in the field, or null */
  card: Buffer | null = null;
  silent = false;
  nackNext = 0;
  corruptNextResponse = 0;
  /** NACKs received from the host (it asks again after a corrupted response) */
  nacksFromHost = 0;
  private lastResponse: Buffer | null = null;
  private readonly framer = new Pn532Framer();

  constructor(private readonly peer: SerialPeer) {
    this.framer.on('data', (frame: Pn532Frame) => void this.onFrame(frame));
    peer.port.on('data', (chunk: Buffer) => this.framer.write(chunk));
  }

  count(code: number): number {
    return this.commands.filter((c) => c === code).length;
  }

  private async onFrame(frame: Pn532Frame): Promise<void> {
    if (this.silent) return;
    if (frame.type === 'nack') {
      this.nacksFromHost += 1;
      if (this.lastResponse) await this.peer.write(this.lastResponse);
      return;
    }
    if (frame.type !== 'frame' || frame.tfi !== TFI_HOST) return;
    const code = frame.data[0] ?? 0;
    this.commands.push(code);
    if (this.nackNext > 0) {
      this.nackNext -= 1;
      await this.peer.write(NACK);
      return;
    }
    const response = encodePn532Frame(TFI_PN532, Uint8Array.from([code + 1, ...this.answer(code)]));
    this.lastResponse = response;
    let out = response;
    if (this.corruptNextResponse > 0) {
      this.corruptNextResponse -= 1;
      out = Buffer.from(response);
      out[out.length - 2] = ((out[out.length - 2] ?? 0) + 1) & 0xff; // break the DCS
    }
    await this.peer.write(Buffer.concat([ACK, out]));
  }

  private answer(code: number): number[] {
    switch (code) {
      case CMD.GetFirmwareVersion:
        return [0x32, 0x01, 0x06, 0x07];
      case CMD.InListPassiveTarget:
        if (!this.card) return [0x00];
        // NbTg, Tg, SENS_RES, SEL_RES, NFCIDLength, NFCID1
        return [0x01, 0x01, 0x00, 0x44, 0x00, this.card.length, ...this.card];
      default:
        return [];
    }
  }
}
