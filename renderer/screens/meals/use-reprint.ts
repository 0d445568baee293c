import { useState } from 'react';
import type { Result } from '../../../contract/result';

/**
 * A committed order or booking as its ticket screen shows it, and a reprint that replaces it with
 * the core's answer (its print state among the rest). A failed reprint leaves the screen as it is.
 */
export function useReprint<V extends { uuid: string }>(
  committed: V,
  reprint: (uuid: string) => Promise<Result<V>>,
): [view: V, reprint: () => Promise<void>] {
  const [view, setView] = useState(committed);
  const printAgain = async () => {
    const result = await reprint(view.uuid);
    if (result.ok) setView(result.value);
  };
  return [view, printAgain];
}
