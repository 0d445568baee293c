import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecorderPrompt, RecorderPrompts } from '../../contract/calls/recorder-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import type { ApiError } from '../../contract/result';
import { BigButton } from '../components/BigButton';
import { useClipRecorder } from './use-clip-recorder';
import './recorder.css';

type Notice =
  | { kind: 'saved' }
  | { kind: 'exported'; clips: number; filename: string; skipped: number }
  | { kind: 'imported'; clips: number; locale: string }
  | { kind: 'error'; what: 'save' | 'export' | 'import' | 'load'; error: ApiError };

/** The visible list is cut here; typing in the search box finds the rest. */
const MAX_LISTED = 80;

/**
 * 录音 (issue 7, item 6): staff pick a locale and a prompt, a local speaker reads the text into the
 * microphone, staff play it back and save it into the station's pack, and the kiosk says that line
 * with the recording from then on. 导出 / 导入 carry a whole pack between stations as one file.
 */
export function RecorderPanel({ api }: { api: KioskApi }) {
  const { t, i18n } = useTranslation('recorder');
  const [locale, setLocale] = useState(i18n.language);
  const [list, setList] = useState<RecorderPrompts | null>(null);
  const [query, setQuery] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [piece, setPiece] = useState(0);
  const [busy, setBusy] = useState<'saving' | 'importing' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const take = useClipRecorder();
  const fileInput = useRef<HTMLInputElement>(null);

  // The list for the chosen locale; `version` asks again (after an import into this locale).
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('recorder.prompts', { locale }).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.value);
      else setNotice({ kind: 'error', what: 'load', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, locale, version]);

  const prompts = useMemo(() => list?.prompts ?? [], [list]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q
      ? prompts.filter((p) => p.key.toLowerCase().includes(q) || p.text.toLowerCase().includes(q))
      : prompts;
  }, [prompts, query]);
  const selected = prompts.find((p) => p.key === key) ?? null;
  const done = prompts.filter((p) => p.pieces.every((x) => x.recorded)).length;
  const complete = (p: RecorderPrompt): boolean => p.pieces.every((x) => x.recorded);

  const choose = (next: string): void => {
    setKey(next);
    setPiece(0);
    setNotice(null);
    take.discard();
  };

  const save = async (): Promise<void> => {
    if (!selected) return;
    const encoded = await take.encoded();
    if (!encoded) return;
    setBusy('saving');
    const r = await api.call('recorder.saveClip', {
      locale,
      key: selected.key,
      index: piece,
      ...encoded,
    });
    setBusy(null);
    if (!r.ok) {
      setNotice({ kind: 'error', what: 'save', error: r.error });
      return;
    }
    const saved = r.value;
    setList((old) =>
      old ? { ...old, prompts: old.prompts.map((p) => (p.key === saved.key ? saved : p)) } : old,
    );
    take.discard();
    setNotice({ kind: 'saved' });
  };

  const exportPack = async (): Promise<void> => {
    const r = await api.call('recorder.exportPack', { locale });
    if (!r.ok) {
      setNotice({ kind: 'error', what: 'export', error: r.error });
      return;
    }
    const url = URL.createObjectURL(new Blob([r.value.content], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.filename;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice({
      kind: 'exported',
      clips: r.value.clips,
      filename: r.value.filename,
      skipped: r.value.skipped.length,
    });
  };

  const importPack = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy('importing');
    const r = await api.call('recorder.importPack', { content: await file.text() });
    setBusy(null);
    if (!r.ok) {
      setNotice({ kind: 'error', what: 'import', error: r.error });
      return;
    }
    setNotice({ kind: 'imported', clips: r.value.clips, locale: r.value.locale });
    if (r.value.locale === locale) setVersion((v) => v + 1);
    else setLocale(r.value.locale);
  };

  const status =
    busy !== null
      ? t(busy === 'saving' ? 'state.saving' : 'importing')
      : take.state === 'recording'
        ? t('state.recording')
        : take.state === 'recorded'
          ? t('state.recorded')
          : notice?.kind === 'saved'
            ? t('state.saved')
            : notice?.kind === 'exported'
              ? `${t('exported', notice)}${notice.skipped > 0 ? ` ${t('skipped', { count: notice.skipped })}` : ''}`
              : notice?.kind === 'imported'
                ? t('imported', {
                    clips: notice.clips,
                    locale: t(`localeName.${notice.locale}`, { defaultValue: notice.locale }),
                  })
                : '';
  const problem =
    take.error !== null
      ? t(`error.${take.error}`)
      : notice?.kind === 'error'
        ? `${t(`error.${notice.what}`)} ${t('error.detail', { detail: notice.error.message })}`
        : null;

  return (
    <section aria-labelledby="recorder-title" className="staff-panel recorder">
      <h2 id="recorder-title">{t('title')}</h2>
      <p className="recorder__intro">{t('intro')}</p>

      <div role="group" aria-labelledby="recorder-locale" className="recorder__row">
        <h3 id="recorder-locale">{t('locale')}</h3>
        {(list?.locales ?? [locale]).map((lng) => (
          <BigButton
            key={lng}
            icon="🗣"
            label={t(`localeName.${lng}`, { defaultValue: lng })}
            onClick={() => {
              setLocale(lng);
              setNotice(null);
              take.discard();
            }}
            variant={lng === locale ? 'primary' : 'secondary'}
            pressed={lng === locale}
            compact
            testId={`recorder-locale-${lng}`}
          />
        ))}
      </div>

      <div className="recorder__columns">
        <div className="recorder__pick">
          <label htmlFor="recorder-search" className="recorder__label">
            {t('search')}
          </label>
          <input
            id="recorder-search"
            className="recorder__search"
            data-testid="recorder-search"
            value={query}
            placeholder={t('searchHint')}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
          />
          <p className="recorder__count" data-testid="recorder-count">
            {t('count', { done, total: prompts.length })}
          </p>
          {matches.length === 0 && list && <p>{t('noMatch')}</p>}
          <ul className="recorder__list" aria-label={t('search')}>
            {matches.slice(0, MAX_LISTED).map((p) => (
              <li key={p.key}>
                <button
                  type="button"
                  className={`recorder__item${p.key === key ? ' recorder__item--chosen' : ''}`}
                  aria-pressed={p.key === key}
                  onClick={() => choose(p.key)}
                  data-testid={`recorder-key-${p.key}`}
                >
                  <span className="recorder__mark" aria-hidden="true">
                    {complete(p) ? '✅' : '⭕'}
                  </span>
                  <span className="recorder__item-text">
                    <span>{p.text}</span>
                    <span className="recorder__key">
                      {complete(p) ? t('recorded') : t('notRecorded')} · {p.key}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>

        <div className="recorder__take">
          {selected ? (
            <>
              <h3>{t('readThis')}</h3>
              {selected.pieces.length > 1 && (
                <div role="group" aria-label={selected.text} className="recorder__row">
                  {selected.pieces.map((x, i) => (
                    <BigButton
                      key={i}
                      icon={x.recorded ? '✅' : '⭕'}
                      label={t('piece', { n: i + 1 })}
                      onClick={() => {
                        setPiece(i);
                        take.discard();
                      }}
                      variant={i === piece ? 'primary' : 'secondary'}
                      pressed={i === piece}
                      compact
                    />
                  ))}
                </div>
              )}
              <p className="recorder__read" data-testid="recorder-read" lang={locale}>
                {selected.pieces[piece]?.text ?? ''}
              </p>
              {selected.pieces.length > 1 || /\{\{/.test(selected.text) ? (
                <p className="recorder__slot">{t('slot', { name: '…' })}</p>
              ) : null}
              <div className="staff-actions">
                {take.state === 'recording' ? (
                  <BigButton
                    icon="⏹"
                    label={t('stop')}
                    onClick={take.stop}
                    testId="recorder-stop"
                  />
                ) : (
                  <BigButton
                    icon="🎙"
                    label={t('record')}
                    onClick={() => {
                      setNotice(null);
                      void take.start();
                    }}
                    variant={take.state === 'recorded' ? 'secondary' : 'primary'}
                    testId="recorder-record"
                  />
                )}
                {take.state === 'recorded' && (
                  <>
                    <BigButton
                      icon="▶"
                      label={t('play')}
                      onClick={take.play}
                      variant="secondary"
                      testId="recorder-play"
                    />
                    <BigButton
                      icon="💾"
                      label={t('save')}
                      onClick={() => void save()}
                      testId="recorder-save"
                    />
                  </>
                )}
              </div>
            </>
          ) : (
            <p className="recorder__hint">{t('choose')}</p>
          )}
          <p className="recorder__status" role="status" data-testid="recorder-status">
            {status}
          </p>
          {problem && (
            <p className="staff-alert" role="alert" data-testid="recorder-error">
              {problem}
            </p>
          )}
        </div>
      </div>

      <div className="staff-actions recorder__pack">
        <BigButton
          icon="⬇"
          label={t('export')}
          onClick={() => void exportPack()}
          variant="secondary"
          testId="recorder-export"
        />
        <BigButton
          icon="⬆"
          label={t('import')}
          onClick={() => fileInput.current?.click()}
          variant="secondary"
          testId="recorder-import"
        />
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('import')}
          data-testid="recorder-import-file"
          onChange={(e) => void importPack(e)}
        />
      </div>
    </section>
  );
}
