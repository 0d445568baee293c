import type { Grammar } from '../grammar';

/** English, for staff and maintainers testing the kiosk. Spaces are ignored in matching. */
export const englishGrammar: Grammar = {
  locale: 'en',
  rules: [
    { intent: 'dish', templates: ['[i want|i would like|order][a|the|one]{dish}[please]'] },
    {
      intent: 'meals',
      templates: ['[i want to|i would like to](order a meal|order food|meals|meal|eat)[please]'],
    },
    { intent: 'benefits', templates: ['[show][me][my](benefits|allowances|entitlements)'] },
    { intent: 'services', templates: ['(book a service|book service|services)[please]'] },
    { intent: 'staff', templates: ['[please](call staff|call someone|help|help me)[please]'] },
    { intent: 'back', templates: ['(go back|back)'] },
    { intent: 'confirm', templates: ['(confirm|yes|ok|okay)'] },
    { intent: 'cancel', templates: ['(cancel|no)'] },
  ],
};
