import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from './BigButton';
import { useScrollEdges } from './use-scroll-edges';

export interface ScreenFrameProps {
  title: string;
  children: ReactNode;
  /** shown in the session: back and home stay in the same places on every screen */
  onBack?: () => void;
  onHome?: () => void;
  onCallStaff?: () => void;
}

const elementTiming = { elementtiming: 'screen-title' };

/** The same frame on every elder screen: title on top, navigation in the same places below. */
export function ScreenFrame({ title, children, onBack, onHome, onCallStaff }: ScreenFrameProps) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const scroll = useScrollEdges(body);
  return (
    <section className="screen" aria-labelledby="screen-title">
      {/* elementtiming: the start-up benchmark reads when a screen's title was first painted */}
      <h1 id="screen-title" className="screen__title" {...elementTiming}>
        {title}
      </h1>
      <div className="screen__middle">
        <div className="screen__body" ref={body}>
          {children}
        </div>
        {/* Only taps: when a screen holds more than fits, two buttons turn its pages. */}
        {(scroll.canUp || scroll.canDown) && (
          <div className="screen__pager" role="group" aria-label={t('common.pager')}>
            <BigButton
              icon="▲"
              label={t('common.pageUp')}
              onClick={() => scroll.page(-1)}
              variant="secondary"
              compact
              disabled={!scroll.canUp}
              testId="page-up"
            />
            <BigButton
              icon="▼"
              label={t('common.pageDown')}
              onClick={() => scroll.page(1)}
              variant="secondary"
              compact
              disabled={!scroll.canDown}
              testId="page-down"
            />
          </div>
        )}
      </div>
      {(onBack ?? onHome ?? onCallStaff) && (
        <nav className="screen__nav" aria-label={t('common.navigation')}>
          <div className="screen__nav-slot">
            {onBack && (
              <BigButton
                icon="⬅"
                label={t('common.back')}
                onClick={onBack}
                variant="secondary"
                testId="nav-back"
              />
            )}
          </div>
          <div className="screen__nav-slot">
            {onHome && (
              <BigButton
                icon="🏠"
                label={t('common.home')}
                onClick={onHome}
                variant="secondary"
                testId="nav-home"
              />
            )}
          </div>
          <div className="screen__nav-slot">
            {onCallStaff && (
              <BigButton
                icon="🙋"
                label={t('home.callStaff')}
                onClick={onCallStaff}
                variant="help"
              />
            )}
          </div>
        </nav>
      )}
    </section>
  );
}
