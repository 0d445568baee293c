import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPayload, CallValue, KioskApi } from '../../../contract/kiosk-api';
import type { Result } from '../../../contract/result';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech, useSpokenLine } from '../../speech/speech-context';
import { refusalKey } from './ordering-shared';
import { useCall } from './use-call';

/** The locale keys (namespace ordering) that tell 我的订餐 from 我的预约. */
export interface MyRecordsText {
  title: string;
  loading: string;
  /** spoken when the list appears, with its count */
  spokenList: string;
  empty: string;
  cancelButton: string;
  /** shown and spoken when 取消 was pressed, before it is confirmed */
  cancelAsk: string;
  spokenCancelled: string;
}

interface CancellableRecord {
  uuid: string;
  status: string;
  cancellable: boolean;
  printState: 'pending' | 'printed' | 'failed';
}

/** Each list call and the calls that cancel one of its records and print its ticket again. */
const CANCEL = {
  'meals.myOrders': 'meals.cancel',
  'services.myBookings': 'services.cancel',
} as const;
const REPRINT = {
  'meals.myOrders': 'meals.reprint',
  'services.myBookings': 'services.reprint',
} as const;
type ListCall = keyof typeof CANCEL;
type CancelCall = (typeof CANCEL)[ListCall];
type ReprintCall = (typeof REPRINT)[ListCall];

interface RecordListProps<R extends CancellableRecord> {
  records: R[];
  /** cancels one record; the list is loaded again afterwards, refused or not */
  cancel: (uuid: string) => Promise<Result<unknown>>;
  /** prints a record's ticket again (补打); the list is loaded again afterwards */
  reprint: (uuid: string) => Promise<Result<{ printState: string }>>;
  onChanged: () => void;
  text: MyRecordsText;
  /** the record's icon and its one line (date, name, number) */
  icon: (record: R) => string;
  line: (record: R) => string;
}

/**
 * 我的订餐 and 我的预约: the elder's own records; one that can still be cancelled has a 取消
 * that asks first.
 */
export function MyRecords<N extends ListCall>({
  api,
  list,
  text,
  icon,
  line,
  onBack,
  onHome,
}: {
  api: KioskApi;
  list: N;
  text: MyRecordsText;
  icon: (record: CallValue<N>[number]) => string;
  line: (record: CallValue<N>[number]) => string;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const [reload, setReload] = useState(0);
  // Both list calls take an empty payload; TypeScript cannot see that through the generic name.
  const load = useCall(api, list, {} as CallPayload<N>, reload);
  const cancelCall: CancelCall = CANCEL[list];
  const reprintCall: ReprintCall = REPRINT[list];
  // While the list loads again after a 取消 or 补打, the old one stays: taking it away would say
  // the list again over the line that tells her what just happened.
  const [kept, setKept] = useState<CallValue<N> | null>(null);
  if (load.kind === 'ready' && load.value !== kept) setKept(load.value);
  const records = load.kind === 'ready' ? load.value : load.kind === 'loading' ? kept : null;
  return (
    <ScreenFrame title={t(text.title)} onBack={onBack} onHome={onHome}>
      {load.kind === 'loading' && !records && <p className="screen__lead">{t(text.loading)}</p>}
      {load.kind === 'failed' && <p className="ordering__notice">{t(refusalKey(load.error))}</p>}
      {records && (
        <RecordList
          records={records}
          cancel={(uuid) => api.call(cancelCall, { uuid })}
          reprint={(uuid) => api.call(reprintCall, { uuid })}
          onChanged={() => setReload((n) => n + 1)}
          text={text}
          icon={icon}
          line={line}
        />
      )}
    </ScreenFrame>
  );
}

function RecordList<R extends CancellableRecord>({
  records,
  cancel,
  reprint,
  onChanged,
  text,
  icon,
  line,
}: RecordListProps<R>) {
  const { t } = useTranslation('ordering');
  const { say } = useSpeech();
  const [asking, setAsking] = useState<string | null>(null);
  useSpokenLine(`ordering:${text.spokenList}`, { count: records.length });
  const confirmCancel = async (uuid: string) => {
    const result = await cancel(uuid);
    setAsking(null);
    if (result.ok) say({ key: `ordering:${text.spokenCancelled}` });
    else say({ key: refusalKey(result.error) });
    onChanged();
  };
  // 补打 for a ticket the printer lost: the elder was told to ask staff, and can also try here.
  const printAgain = async (uuid: string) => {
    const result = await reprint(uuid);
    if (!result.ok) say({ key: refusalKey(result.error) });
    else
      say({
        key:
          result.value.printState === 'printed'
            ? 'ordering:meals.reprinted'
            : 'ordering:meals.reprintFailed',
      });
    onChanged();
  };
  if (records.length === 0) return <p className="screen__lead">{t(text.empty)}</p>;
  return (
    <div className="ordering">
      {records.map((r) => (
        <div key={r.uuid} className="ordering__item">
          <p className="ordering__label">
            <span aria-hidden="true">{icon(r)} </span>
            {line(r)}
          </p>
          {r.status === 'cancelled' && <p className="ordering__text">{t('meals.cancelled')}</p>}
          {r.status !== 'cancelled' && r.printState === 'failed' && (
            <div className="ordering__row">
              <p className="ordering__notice">{t('meals.printFailed')}</p>
              <BigButton
                icon="🖨"
                label={t('meals.reprint')}
                onClick={() => void printAgain(r.uuid)}
                testId={`reprint-${r.uuid}`}
              />
            </div>
          )}
          {r.cancellable && asking !== r.uuid && (
            <div className="ordering__row">
              <BigButton
                icon="✖"
                label={t(text.cancelButton)}
                variant="secondary"
                onClick={() => {
                  setAsking(r.uuid);
                  say({ key: `ordering:${text.cancelAsk}` });
                }}
              />
            </div>
          )}
          {asking === r.uuid && (
            <AskToCancel
              text={t(text.cancelAsk)}
              onConfirm={() => void confirmCancel(r.uuid)}
              onBack={() => setAsking(null)}
            />
          )}
        </div>
      ))}
    </div>
  );
}

function AskToCancel({
  text,
  onConfirm,
  onBack,
}: {
  text: string;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const common = useTranslation().t;
  return (
    <div className="ordering__row">
      <p className="ordering__text">{text}</p>
      <BigButton icon="✔" label={common('common.confirm')} onClick={onConfirm} />
      <BigButton icon="⬅" label={common('common.back')} variant="secondary" onClick={onBack} />
    </div>
  );
}
