import { useState } from 'react';
import type { MealOrderView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { MealConfirm, type MealChoice } from './MealConfirm';
import { MealMenu } from './MealMenu';
import { MealTicket } from './MealTicket';
import { MyMealOrders } from './MyMealOrders';
import './ordering.css';

type Step =
  | { kind: 'menu' }
  | { kind: 'confirm'; choice: MealChoice }
  | { kind: 'done'; order: MealOrderView }
  | { kind: 'orders' };

export interface MealsScreenProps {
  api: KioskApi;
  /** the order is placed and its ticket shown: back to home */
  onDone: () => void;
  /** 返回 from the menu */
  onBack: () => void;
  onHome: () => void;
  /** a dish asked for by voice (按住说话): start at its confirmation instead of the menu */
  initialChoice?: MealChoice;
}

/** 订餐: menu → confirmation (total in big digits, spoken) → pick-up number; 我的订餐 to cancel. */
export function MealsScreen({ api, onDone, onBack, onHome, initialChoice }: MealsScreenProps) {
  const [step, setStep] = useState<Step>(
    initialChoice ? { kind: 'confirm', choice: initialChoice } : { kind: 'menu' },
  );
  switch (step.kind) {
    case 'menu':
      return (
        <MealMenu
          api={api}
          onChoose={(choice) => setStep({ kind: 'confirm', choice })}
          onMyOrders={() => setStep({ kind: 'orders' })}
          onBack={onBack}
          onHome={onHome}
        />
      );
    case 'confirm':
      return (
        <MealConfirm
          api={api}
          choice={step.choice}
          onOrdered={(order) => setStep({ kind: 'done', order })}
          onCancel={() => setStep({ kind: 'menu' })}
          onHome={onHome}
        />
      );
    case 'done':
      return <MealTicket api={api} order={step.order} onDone={onDone} onHome={onHome} />;
    case 'orders':
      return <MyMealOrders api={api} onBack={() => setStep({ kind: 'menu' })} onHome={onHome} />;
  }
}
