import type { OrderingRefusal } from '../../contract/calls/ordering-calls';
import { ApiRefusal } from '../api/dispatch';

/** Throws the expected refusal, its reason first so the renderer can localise it. */
export function refuse(reason: OrderingRefusal, detail: string): never {
  throw new ApiRefusal(reason === 'not-found' ? 'not-found' : 'refused', `${reason}: ${detail}`);
}
