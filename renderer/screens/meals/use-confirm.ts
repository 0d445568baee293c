import { useState } from 'react';
import type { Balances, PaymentMethod } from '../../../contract/calls/ordering-calls';
import type { Result } from '../../../contract/result';
import { useSpeech } from '../../speech/speech-context';
import { newUuid, refusalKey } from './ordering-shared';
import { defaultPayment } from './PaymentChoice';

export interface Confirmation {
  payment: PaymentMethod;
  setPayment: (payment: PaymentMethod) => void;
  /** the call is on its way: a second tap does nothing */
  busy: boolean;
  /** the locale key of the last refusal, shown until the elder tries again */
  refusal: string | null;
  confirm: () => Promise<void>;
}

/**
 * The 确认 of an order or a booking. The screen moves on only when the core answers that the record
 * is committed; a refusal is shown and spoken, and the elder may try again.
 */
export function useConfirmation<V>({
  balances,
  personalFen,
  spokenBusy,
  send,
  onDone,
}: {
  balances: Balances | null;
  personalFen: number;
  /** the speech key said while the call is on its way */
  spokenBusy: string;
  send: (uuid: string, payment: PaymentMethod) => Promise<Result<V>>;
  onDone: (value: V) => void;
}): Confirmation {
  const { say } = useSpeech();
  const [payment, setPayment] = useState<PaymentMethod>(() =>
    defaultPayment(balances, personalFen),
  );
  // One id per confirmation: a second tap or a retry after a lost reply finds the same record.
  const [uuid] = useState(newUuid);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    say({ key: spokenBusy });
    const result = await send(uuid, payment);
    setBusy(false);
    if (result.ok) onDone(result.value);
    else {
      const key = refusalKey(result.error);
      setRefusal(key);
      say({ key }); // the refusal's own line, in the elder's locale
    }
  };
  return { payment, setPayment, busy, refusal, confirm };
}
