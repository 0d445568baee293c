import { normalizeUtterance } from './grammar';

/**
 * What an elder calls a dish. Menus name set meals formally (红烧肉套餐, 小米粥配馒头 (小份)); an
 * elder says 红烧肉 or 小米粥. Each dish is matched by its full name and by these short forms:
 * without a bracketed note, without a set-meal suffix (套餐, 套饭, 定食), and its first part before
 * 配 ("with"). A short form two dishes share is dropped rather than guessed: the elder is asked
 * again, or presses the button.
 */
const setMealSuffix = /(套餐|套饭|定食)$/u;
const bracketed = /[（(][^）)]*[）)]/gu;

export function dishAliases(name: string): string[] {
  const plain = name.replace(bracketed, '').trim();
  const withoutSuffix = plain.replace(setMealSuffix, '');
  const beforeWith = withoutSuffix.split('配')[0] ?? withoutSuffix;
  return [...new Set([name, plain, withoutSuffix, beforeWith])].filter(
    (alias) => [...normalizeUtterance(alias)].length >= 2,
  );
}

/** Every name a dish may be called by, mapped to the dish's own name; ambiguous short forms left out. */
export function dishNamesByAlias(dishes: string[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const dish of dishes) {
    for (const alias of dishAliases(dish)) {
      const key = normalizeUtterance(alias);
      owners.set(key, (owners.get(key) ?? new Set()).add(dish));
    }
  }
  const byAlias = new Map<string, string>();
  for (const dish of dishes) {
    for (const alias of dishAliases(dish)) {
      const found = owners.get(normalizeUtterance(alias));
      // a dish's own full name always stands; a short form only when it names one dish
      if (found?.size === 1 || alias === dish) byAlias.set(alias, dish);
    }
  }
  return byAlias;
}
