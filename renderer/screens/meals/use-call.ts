import { useEffect, useState } from 'react';
import type { CallName, CallPayload, CallValue, KioskApi } from '../../../contract/kiosk-api';
import type { ApiError } from '../../../contract/result';

export type Load<T> =
  { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; value: T };

/**
 * Calls the core when the screen appears (and again when the payload or `reload` changes). The
 * answer is kept with the request it belongs to, so a late reply to an older request never shows.
 */
export function useCall<N extends CallName>(
  api: KioskApi,
  name: N,
  payload: CallPayload<N>,
  reload = 0,
): Load<CallValue<N>> {
  const key = `${name} ${JSON.stringify(payload)} ${reload}`;
  const [state, setState] = useState<{ key: string; load: Load<CallValue<N>> } | null>(null);
  useEffect(() => {
    let live = true;
    const body = JSON.parse(key.slice(name.length + 1, key.lastIndexOf(' '))) as CallPayload<N>;
    void api.call(name, body).then((r) => {
      if (!live) return;
      setState({
        key,
        load: r.ok ? { kind: 'ready', value: r.value } : { kind: 'failed', error: r.error },
      });
    });
    return () => {
      live = false;
    };
  }, [api, name, key]);
  return state?.key === key ? state.load : { kind: 'loading' };
}
