import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuSitting, MenuView, Sitting } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech, useSpokenLine } from '../../speech/speech-context';
import { refusalKey, yuan } from './ordering-shared';
import { menuLine } from '../../speech/lines/ordering-lines';
import { useCall } from './use-call';
import type { MealChoice } from './MealConfirm';

export interface MealMenuProps {
  api: KioskApi;
  onChoose: (choice: MealChoice) => void;
  onMyOrders: () => void;
  onBack: () => void;
  onHome: () => void;
}

/** 订餐, step 1: today's sittings and dishes with this elder's price, read aloud. */
export function MealMenu({ api, onChoose, onMyOrders, onBack, onHome }: MealMenuProps) {
  const { t } = useTranslation('ordering');
  const load = useCall(api, 'meals.menu', {});
  return (
    <ScreenFrame title={t('meals.title')} onBack={onBack} onHome={onHome}>
      {load.kind === 'loading' && <p className="screen__lead">{t('meals.loading')}</p>}
      {load.kind === 'failed' && <Failed textKey={refusalKey(load.error)} />}
      {load.kind === 'ready' && (
        <MenuBody menu={load.value} onChoose={onChoose} onMyOrders={onMyOrders} />
      )}
    </ScreenFrame>
  );
}

function Failed({ textKey }: { textKey: string }) {
  const { t } = useTranslation('ordering');
  useSpokenLine(textKey);
  return <p className="ordering__notice">{t(textKey)}</p>;
}

export function MenuBody({
  menu,
  onChoose,
  onMyOrders,
}: {
  menu: MenuView;
  onChoose: (c: MealChoice) => void;
  onMyOrders: () => void;
}) {
  const { t } = useTranslation('ordering');
  const firstOpen = menu.sittings.find((s) => s.open) ?? menu.sittings[0];
  const [sitting, setSitting] = useState<Sitting | undefined>(firstOpen?.sitting);
  const [quantity, setQuantity] = useState(1);
  const [delivery, setDelivery] = useState(false);
  const current = menu.sittings.find((s) => s.sitting === sitting);
  const day = t(`meals.days.${menu.day}`, { date: menu.date });
  return (
    <div className="ordering">
      <p className="ordering__label" data-testid="ordering-day">
        {t('meals.forDay', { day })}
      </p>
      {menu.sittings.length > 1 && (
        <div className="ordering__row">
          {menu.sittings.map((s) => (
            <BigButton
              key={s.sitting}
              icon={s.sitting === sitting ? '✅' : s.sitting === 'lunch' ? '🌞' : '🌙'}
              label={
                s.open
                  ? t(`meals.sittings.${s.sitting}`)
                  : t('meals.closed', { sitting: t(`meals.sittings.${s.sitting}`) })
              }
              variant={s.sitting === sitting ? 'primary' : 'secondary'}
              onClick={() => setSitting(s.sitting)}
            />
          ))}
        </div>
      )}
      {current ? (
        <SittingDishes
          key={current.sitting}
          menu={menu}
          sitting={current}
          onChoose={(dishId) =>
            onChoose({ date: current.date, sitting: current.sitting, dishId, quantity, delivery })
          }
        />
      ) : (
        <EmptyMenu />
      )}
      <div className="ordering__row">
        <BigButton
          icon="➖"
          label={t('meals.fewer')}
          variant="secondary"
          compact
          onClick={() => setQuantity((q) => Math.max(1, q - 1))}
        />
        <p className="ordering__label">{t('meals.portions', { count: quantity })}</p>
        <BigButton
          icon="➕"
          label={t('meals.more')}
          variant="secondary"
          compact
          onClick={() => setQuantity((q) => Math.min(4, q + 1))}
        />
      </div>
      {menu.delivery.allowed && (
        <div className="ordering__row">
          <BigButton
            icon={delivery ? '🍽' : '✅'}
            label={t('meals.dineIn')}
            variant={delivery ? 'secondary' : 'primary'}
            onClick={() => setDelivery(false)}
          />
          <BigButton
            icon={delivery ? '✅' : '🛵'}
            label={t('meals.delivery')}
            variant={delivery ? 'primary' : 'secondary'}
            onClick={() => setDelivery(true)}
          />
          <p className="ordering__text">
            {menu.delivery.free
              ? t('meals.deliveryFree')
              : t('meals.deliveryFee', { yuan: yuan(menu.delivery.elderFeeFen) })}
          </p>
        </div>
      )}
      <div className="ordering__row">
        <BigButton icon="🧾" label={t('meals.myOrders')} variant="secondary" onClick={onMyOrders} />
      </div>
    </div>
  );
}

function EmptyMenu() {
  const { t } = useTranslation('ordering');
  useSpokenLine('ordering:meals.empty');
  return <p className="screen__lead">{t('meals.empty')}</p>;
}

/** One sitting's dishes; speaks them all when shown, and a sold-out or closed line when tapped. */
function SittingDishes({
  menu,
  sitting,
  onChoose,
}: {
  menu: MenuView;
  sitting: MenuSitting;
  onChoose: (dishId: string) => void;
}) {
  const { t } = useTranslation('ordering');
  const { say } = useSpeech();
  const name = t(`meals.sittings.${sitting.sitting}`);
  const spoken = menuLine(menu, sitting);
  useSpokenLine(spoken.key, spoken.params);
  return (
    <>
      {!sitting.open && <p className="ordering__notice">{t('meals.closed', { sitting: name })}</p>}
      {sitting.open && (
        <p className="ordering__text">
          {t('meals.cutoff', { time: sitting.cutoff.slice(11, 16) })}
        </p>
      )}
      {sitting.subsidisedUsed && <p className="ordering__notice">{t('meals.subsidyUsed')}</p>}
      <div className="ordering__grid">
        {sitting.dishes.map((d) => {
          const price = yuan(d.elderFen);
          const label =
            d.portionsLeft === 0
              ? `${d.name}  ${t('meals.soldOut')}`
              : d.tags.length > 0
                ? t('meals.dishTags', { name: d.name, tags: d.tags.join(' '), yuan: price })
                : t('meals.dish', { name: d.name, yuan: price });
          return (
            <BigButton
              key={d.id}
              icon={d.icon}
              label={label}
              variant={d.portionsLeft === 0 || !sitting.open ? 'secondary' : 'primary'}
              onClick={() => {
                if (!sitting.open) say({ key: 'ordering:refused.after-cutoff' });
                else if (d.portionsLeft === 0) say({ key: 'ordering:refused.sold-out' });
                else onChoose(d.id);
              }}
            />
          );
        })}
      </div>
    </>
  );
}
