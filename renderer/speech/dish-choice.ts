import type { MenuView, Sitting } from '../../contract/calls/ordering-calls';

/** What the meal confirmation screen is opened with (the MealChoice of screens/meals). */
export interface SpokenDishChoice {
  date: string;
  sitting: Sitting;
  dishId: string;
  quantity: number;
  delivery: boolean;
}

/** Today's dish names for the voice grammar: the dishes of every sitting still open. */
export const orderableDishNames = (menu: MenuView): string[] => [
  ...new Set(menu.sittings.filter((s) => s.open).flatMap((s) => s.dishes.map((d) => d.name))),
];

/**
 * What 我要吃红烧肉 orders: one portion, eaten in, of that dish in the first open sitting that
 * still has it; the confirmation screen then reads it out and waits for 确认 as for a tap. null
 * when no open sitting has a portion left (the menu is shown instead, and says why).
 */
export function choiceForDish(menu: MenuView, dishName: string): SpokenDishChoice | null {
  for (const sitting of menu.sittings) {
    if (!sitting.open) continue;
    const dish = sitting.dishes.find((d) => d.name === dishName && d.portionsLeft > 0);
    if (dish) {
      return {
        date: sitting.date,
        sitting: sitting.sitting,
        dishId: dish.id,
        quantity: 1,
        delivery: false,
      };
    }
  }
  return null;
}
