// The drivers' public surface: the core (main/devices) imports from here only.
export * from './driver';
export { SerialFramedDriver, type SerialFramedOptions } from './drivers/serial-framed-driver';
export { Pn532Driver, type Pn532Options } from './drivers/pn532-driver';
export { HidKeyboardDriver, type HidKeyboardOptions } from './drivers/hid-keyboard-driver';
export { KeyboardWedgeReader, type WedgeRead } from './drivers/keyboard-wedge-reader';
export { SimulatedButtons, SimulatedCardReader, SimulatedPrinter } from './drivers/simulated';
export { Em4100Framer, encodeEm4100Frame, type CardFrame } from './framing/em4100-framer';
export { LineFramer } from './framing/line-framer';
export { Pn532Framer, type Pn532Frame } from './framing/pn532-framer';
export {
  ButtonBoxFramer,
  DEFAULT_BUTTON_BYTES,
  type ButtonBytes,
  type ButtonFrame,
} from './framing/button-box-framer';
export {
  parseUidText,
  type ByteOrder,
  type UidFormat,
  type UidTextOptions,
} from './framing/uid-format';
export { HidKeyboardDecoder } from './hid/hid-keyboard-decoder';
export { HidButtonDecoder, DEFAULT_BUTTON_KEYS, type ButtonKeys } from './hid/hid-button-decoder';
export type { HidApi, HidHandle, HidDeviceInfo } from './hid/hid-api';
export {
  EscPosPrinter,
  type EscPosOptions,
  type PrintResult,
  type TicketPrinter,
} from './printer/escpos-printer';
export { encodeTicket, type Ticket } from './printer/ticket';
export type { PrinterStatus } from './printer/printer-status';
