import { describe, expect, it } from 'vitest';
import type { MenuSitting, MenuView } from '../../../contract/calls/ordering-calls';
import { matchIntent } from '../../../main/voice-commands/match-intent';
import { dishChoice } from './renderer-lines';

const { choiceForDish, orderableDishNames } = dishChoice;

const dish = (id: string, name: string, portionsLeft = 5) => ({
  id,
  name,
  icon: '🍲',
  tags: [],
  portionsLeft,
  fullFen: 1500,
  elderFen: 700,
});
const sitting = (s: 'lunch' | 'dinner', open: boolean, dishes: MenuSitting['dishes']) => ({
  sitting: s,
  date: '2026-11-24',
  cutoff: '2026-11-24T10:00:00+08:00',
  open,
  subsidisedUsed: false,
  dishes,
});
const menu: MenuView = {
  date: '2026-11-24',
  day: 'today',
  tier: 'A',
  delivery: { allowed: true, feeFen: 0, elderFeeFen: 0, free: true },
  sittings: [
    sitting('lunch', false, [dish('d-rou', '红烧肉套餐'), dish('d-zhou', '小米粥配馒头')]),
    sitting('dinner', true, [dish('d-rou', '红烧肉套餐'), dish('d-yu', '清蒸鲈鱼套餐', 0)]),
  ],
};

// 按住说话 → a dish of the day: the names the grammar gets, and what a heard dish orders.
describe('a dish asked for by voice', () => {
  it('the grammar gets the dishes of the sittings still open', () => {
    expect(orderableDishNames(menu)).toEqual(['红烧肉套餐', '清蒸鲈鱼套餐']);
  });

  it('我要吃红烧肉 opens one portion of 红烧肉套餐 in the open sitting, eaten in', () => {
    const heard = matchIntent('我要吃红烧肉', 'zh-CN', orderableDishNames(menu));
    expect(heard).toEqual({ intent: 'dish', dish: '红烧肉套餐' });
    expect(choiceForDish(menu, heard?.intent === 'dish' ? heard.dish : '')).toEqual({
      date: '2026-11-24',
      sitting: 'dinner',
      dishId: 'd-rou',
      quantity: 1,
      delivery: false,
    });
  });

  it('a sold-out dish or one of a closed sitting opens nothing (the menu says why)', () => {
    expect(choiceForDish(menu, '清蒸鲈鱼套餐')).toBeNull();
    expect(choiceForDish(menu, '小米粥配馒头')).toBeNull();
  });
});
