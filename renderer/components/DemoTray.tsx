import { useTranslation } from 'react-i18next';
import type { DemoCard } from '../../contract/views';

/** The simulated card reader of the demo station: each button taps one demo elder's card. */
export function DemoTray({ cards, onTap }: { cards: DemoCard[]; onTap: (uid: string) => void }) {
  const { t } = useTranslation();
  return (
    <aside className="demo-tray" aria-label={t('demo.trayLabel')}>
      <h2 className="demo-tray__title">{t('demo.trayTitle')}</h2>
      <div className="demo-tray__cards">
        {cards.map((card) => (
          <button
            key={card.uid}
            type="button"
            className="demo-tray__card"
            onClick={() => onTap(card.uid)}
          >
            <span aria-hidden="true">💳 </span>
            {t('demo.cardLabel', { label: card.label })}
          </button>
        ))}
        <button type="button" className="demo-tray__card" onClick={() => onTap('00DEAD0000')}>
          <span aria-hidden="true">❓ </span>
          {t('demo.unknownCard')}
        </button>
      </div>
    </aside>
  );
}
