import { useCallback, useState } from 'react';
import type { ApiError } from '../../contract/result';
import type { Result } from '../../contract/kiosk-api';

/**
 * Runs one staff action and keeps its outcome for the screen: the value, or the core's refusal
 * (its message starts with the reason, which the console shows as a localised line).
 */
export function useStaffAction<T>(): {
  run: (call: () => Promise<Result<T>>) => Promise<T | null>;
  error: ApiError | null;
  busy: boolean;
} {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (call: () => Promise<Result<T>>) => {
    setBusy(true);
    try {
      const r = await call();
      setError(r.ok ? null : r.error);
      return r.ok ? r.value : null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, error, busy };
}

/** The refusal's reason word ("card-in-use: …" → "card-in-use"), for a localised message. */
export function refusalKey(error: ApiError): string {
  const head = error.message.split(':', 1)[0] ?? '';
  return /^[a-z-]+$/.test(head) ? head : error.code;
}
