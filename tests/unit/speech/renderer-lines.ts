import type { Entitlement } from '../../../contract/calls/benefit-calls';
import type {
  BookingView,
  MealOrderView,
  MealQuote,
  MenuSitting,
  MenuView,
  ServiceQuote,
} from '../../../contract/calls/ordering-calls';
import type { SpeechParams } from '../../../contract/calls/speech-calls';

// The screens' line builders and the voice bar's dish choice are renderer code: the renderer's
// TypeScript project owns them, so the core's project (which type-checks tests/) may not import
// them statically. Loaded by path here, typed by their shape from the contract.
export interface SpokenLine {
  key: string;
  params?: SpeechParams;
}

const orderingPath = '../../../renderer/speech/lines/ordering-lines';
const benefitPath = '../../../renderer/speech/lines/benefit-lines';
const dishChoicePath = '../../../renderer/speech/dish-choice';

export const orderingLines = (await import(/* @vite-ignore */ orderingPath)) as {
  menuLine: (menu: MenuView, sitting: MenuSitting) => SpokenLine;
  mealConfirmLine: (quote: MealQuote) => SpokenLine;
  mealTicketLine: (order: MealOrderView) => SpokenLine;
  serviceConfirmLine: (quote: ServiceQuote) => SpokenLine;
  bookingTicketLine: (booking: BookingView) => SpokenLine;
};

export const benefitLines = (await import(/* @vite-ignore */ benefitPath)) as {
  benefitItemLine: (e: Entitlement, language: string) => SpokenLine;
};

export const dishChoice = (await import(/* @vite-ignore */ dishChoicePath)) as {
  orderableDishNames: (menu: MenuView) => string[];
  choiceForDish: (
    menu: MenuView,
    dish: string,
  ) => {
    date: string;
    sitting: 'lunch' | 'dinner';
    dishId: string;
    quantity: number;
    delivery: boolean;
  } | null;
};
