import type {
  CallName,
  CallPayload,
  CallValue,
  EventName,
  EventPayload,
  KioskApi,
  Result,
} from '../../contract/kiosk-api';

type Pending = (result: Result<unknown>) => void;
type Listener = (payload: unknown) => void;

/**
 * KioskApi over the browser host's WebSocket. Calls made while the socket is (re)connecting wait
 * for it; a dropped socket reconnects with backoff, and calls in flight get an `unavailable` error
 * rather than hanging.
 */
export function createWsKioskApi(url: string): KioskApi {
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket> | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<Listener>>();

  function connect(): Promise<WebSocket> {
    if (open) return open;
    open = new Promise((resolve) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        retryMs = 250;
        resolve(ws);
      };
      ws.onmessage = (message) => dispatchMessage(String(message.data));
      ws.onclose = () => {
        socket = null;
        open = null;
        for (const reply of pending.values())
          reply({
            ok: false,
            error: { code: 'unavailable', message: 'the kiosk core connection closed' },
          });
        pending.clear();
        setTimeout(() => void connect().then(() => notifyReconnect()), retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      };
    });
    return open;
  }

  function notifyReconnect(): void {
    for (const l of listeners.get('__reconnect') ?? []) l(undefined);
  }

  function dispatchMessage(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      result?: Result<unknown>;
      event?: string;
      payload?: unknown;
    };
    if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.event) {
      for (const l of listeners.get(message.event) ?? []) l(message.payload);
    }
  }

  void connect();

  return {
    async call<N extends CallName>(
      name: N,
      payload: CallPayload<N>,
    ): Promise<Result<CallValue<N>>> {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        ws.send(JSON.stringify({ id, call: name, payload }));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}
