export { DeviceManager, type DeviceManagerOptions, type DeviceStatus } from './device-manager';
export { createDriver, type DriverFactoryOptions } from './create-driver';
export type { Ticket, TicketPrinter, PrintResult, ButtonName } from '../../hardware';
export { withKeyboardWedge } from './keyboard-wedge-config';
