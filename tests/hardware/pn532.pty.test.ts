import { afterEach, describe, expect, it } from 'vitest';
import { Pn532Driver } from '../../hardware/drivers/pn532-driver';
import type { DeviceError, DriverStatus } from '../../hardware/driver';
import { CMD } from '../../hardware/framing/pn532-frame';
import { openPtyPair } from '../support/pty';
import { Pn532Responder } from './support/pn532-responder';
import { SerialPeer, eventually } from './support/serial-peer';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A PN532 responder on the far end of a socat PTY pair, and the real driver on the near end. */
async function rig() {
  const pair = await openPtyPair();
  const peer = await SerialPeer.open(pair.b);
  const chip = new Pn532Responder(peer);
  const driver = new Pn532Driver({
    path: pair.a,
    pollIntervalMs: 20,
    timing: { ackTimeoutMs: 100, responseTimeoutMs: 300 },
    reinitDelayMs: 50,
  });
  const cards: string[] = [];
  const errors: DeviceError[] = [];
  const states: DriverStatus['state'][] = [];
  driver.on('card', (uid) => cards.push(uid));
  driver.on('error', (e) => errors.push(e));
  driver.on('status', (s) => states.push(s.state));
  cleanup.push(async () => {
    await driver.close();
    await peer.close();
    await pair.close();
  });
  return { pair, peer, chip, driver, cards, errors, states };
}

describe('PN532 driver against a responder on a real PTY pair', () => {
  it('wakes the chip, configures the SAM, then polls; reports 4-, 7- and 10-byte UIDs once each', async () => {
    const r = await rig();
    await r.driver.open();
    // the first bytes on the wire are the HSU wake-up preamble, then SAMConfiguration
    expect(r.peer.bytes().subarray(0, 2).toString('hex')).toBe('5555');
    expect(r.chip.commands.slice(0, 3)).toEqual([
      CMD.SAMConfiguration,
      CMD.GetFirmwareVersion,
      CMD.RFConfiguration,
    ]);
    expect(r.driver.status).toEqual({ state: 'open', detail: 'PN532 firmware 1.6' });

    r.chip.card = Buffer.from('04A2B3C4', 'hex');
    await eventually(() => r.cards.length === 1, 'the 4-byte card');
    // the card lies on the reader for several polls: still one event
    const polls = r.chip.count(CMD.InListPassiveTarget);
    await eventually(() => r.chip.count(CMD.InListPassiveTarget) > polls + 3, 'more polls');
    expect(r.cards).toEqual(['04A2B3C4']);

    r.chip.card = Buffer.from('04112233445566', 'hex');
    await eventually(() => r.cards.length === 2, 'the 7-byte card');
    r.chip.card = null;
    await eventually(() => r.chip.count(CMD.InListPassiveTarget) > polls + 8, 'empty polls');
    r.chip.card = Buffer.from('0811223344556677889A', 'hex');
    await eventually(() => r.cards.length === 3, 'the 10-byte card');
    expect(r.cards).toEqual(['04A2B3C4', '04112233445566', '0811223344556677889A']);
  });

  it('re-sends a command the chip NACKs, and NACKs a corrupted response to get it again', async () => {
    const r = await rig();
    await r.driver.open();
    r.chip.card = Buffer.from('DEADBEEF', 'hex');
    r.chip.nackNext = 1;
    r.chip.corruptNextResponse = 1;
    await eventually(() => r.cards.length === 1, 'the card despite NACK and bad DCS');
    expect(r.cards).toEqual(['DEADBEEF']);
    expect(r.chip.nacksFromHost).toBeGreaterThanOrEqual(1);
    expect(r.errors.some((e) => e.code === 'BAD_FRAME' && /DCS/.test(e.message))).toBe(true);
  });

  it('detects a module that went silent and re-initialises it when it answers again', async () => {
    const r = await rig();
    await r.driver.open();
    const samBefore = r.chip.count(CMD.SAMConfiguration);
    r.chip.silent = true;
    await eventually(() => r.driver.status.state === 'not-responding', 'not-responding');
    expect(r.errors.some((e) => e.code === 'NOT_RESPONDING')).toBe(true);
    r.chip.silent = false;
    r.chip.card = Buffer.from('11223344', 'hex');
    await eventually(() => r.cards.length === 1, 'a card after re-initialisation', 8000);
    expect(r.chip.count(CMD.SAMConfiguration)).toBeGreaterThan(samBefore);
    expect(r.driver.status.state).toBe('open');
    expect(r.states).toContain('not-responding');
  });

  it('open() fails with a wiring hint when nothing answers at all', async () => {
    const r = await rig();
    r.chip.silent = true;
    await expect(r.driver.open()).rejects.toMatchObject({
      code: 'NOT_RESPONDING',
      message: expect.stringMatching(/no answer from a PN532 at 115200 baud: check TX\/RX wiring/),
    });
    expect(r.driver.status.state).toBe('failed');
  });

  it('reports DISCONNECTED (fatal) when the adapter is pulled while polling', async () => {
    const r = await rig();
    await r.driver.open();
    await r.peer.close();
    await r.pair.close();
    await eventually(() => r.errors.some((e) => e.code === 'DISCONNECTED'), 'the disconnect');
    expect(r.errors.find((e) => e.code === 'DISCONNECTED')?.fatal).toBe(true);
    expect(r.driver.status.state).toBe('failed');
  });
});
