import { contextBridge, ipcRenderer } from 'electron';
import { callChannel, eventChannel, type KioskApi } from '../contract/kiosk-api';

// The renderer gets exactly KioskApi: fixed channels, no raw ipcRenderer, and listeners that
// receive only the payload (never Electron's event object, which would leak `sender`).
const kioskApi = {
  call: (name, payload) => ipcRenderer.invoke(callChannel(name), payload),
  on: (event, listener) => {
    const channel = eventChannel(event);
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void =>
      (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
} satisfies KioskApi;

contextBridge.exposeInMainWorld('kioskApi', kioskApi);
