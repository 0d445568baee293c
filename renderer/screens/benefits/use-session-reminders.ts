import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenefitReminder } from '../../../contract/calls/benefit-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import type { SpokenLine } from '../../speech/speech-context';
import { pickText } from './benefit-text';

export interface SessionReminders {
  /** the session's 服务找人 reminders; null until they have been fetched (during the greeting) */
  reminders: BenefitReminder[] | null;
  /** what to say before the home prompt: the reminders, until home has appeared once this session */
  unheard: readonly SpokenLine[];
  /** home has appeared with `unheard`: they are not spoken again this session */
  heard(): void;
}

const NONE: readonly SpokenLine[] = [];

/**
 * 服务找人 once per session: fetched when the session starts (while the greeting shows), shown on
 * home on every visit, spoken only on the first, right after the greeting and before the home
 * prompt. A failed call means no reminders, never a stuck greeting.
 */
export function useSessionReminders(api: KioskApi, sessionId: string | null): SessionReminders {
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ sessionId: string; reminders: BenefitReminder[] } | null>(
    null,
  );
  const [heardIn, setHeardIn] = useState<string | null>(null);

  useEffect(() => {
    if (sessionId === null) return;
    let live = true;
    const settle = (reminders: BenefitReminder[]): void => {
      if (live) setLoaded({ sessionId, reminders });
    };
    api.call('benefits.reminders', {}).then(
      (result) => settle(result.ok ? result.value : []),
      () => settle([]),
    );
    return () => {
      live = false;
    };
  }, [api, sessionId]);

  const reminders = loaded !== null && loaded.sessionId === sessionId ? loaded.reminders : null;
  const heard = useCallback(() => setHeardIn(sessionId), [sessionId]);
  const lng = i18n.language;
  const unheard =
    reminders === null || reminders.length === 0 || heardIn === sessionId
      ? NONE
      : [
          {
            key: 'benefits:spoken.reminders',
            params: { text: reminders.map((r) => pickText(r.text, lng)).join(' ') },
          },
        ];
  return { reminders, unheard, heard };
}
