import { z } from 'zod';

/**
 * The policy pack format (docs/policy-packs.md): entitlement rules as data. Every object is strict,
 * so a misspelt or unknown field is refused at load instead of being silently ignored — a rule that
 * quietly loses a condition would tell elders they are entitled to something they are not.
 */

/** Text in every locale the kiosk ships; explanations and titles are shown and spoken in both. */
export const localTextSchema = z.strictObject({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});

const livingValue = z.enum(['alone', 'empty-nest', 'left-behind', 'with-family']);
const economicValue = z.enum(['none', 'hardship', 'dibao', 'tekun']);
const selfCareValue = z.enum(['independent', 'mild', 'moderate', 'severe']);
const meritValue = z.enum(['none', 'veteran', 'disabled-veteran', 'martyr-family']);
const disabilityType = z.enum([
  'physical',
  'visual',
  'hearing',
  'speech',
  'intellectual',
  'mental',
  'multiple',
]);
const age = z.number().int().min(0).max(150);

/**
 * Leaf conditions read one field of the elder record. `fact` names something the record cannot
 * hold (an income assessment, being 孤寡, a child's hukou): it is never true or false, so any item
 * that needs it comes out as "ask staff" for the elders who pass its other conditions.
 */
const ageCondition = z
  .strictObject({
    if: z.literal('age'),
    /** 周岁, inclusive: "80周岁以上" is min 80 */
    min: age.optional(),
    /** 周岁, inclusive: "60周岁至69周岁" is min 60, max 69 */
    max: age.optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, 'an age condition needs min or max')
  .refine(
    (c) => c.min === undefined || c.max === undefined || c.min <= c.max,
    'age min is above max',
  );

const leafConditions = [
  ageCondition,
  z.strictObject({ if: z.literal('gender'), in: z.array(z.enum(['male', 'female'])).min(1) }),
  z.strictObject({ if: z.literal('hukou'), in: z.array(z.enum(['local', 'nonlocal'])).min(1) }),
  z.strictObject({ if: z.literal('living'), in: z.array(livingValue).min(1) }),
  z.strictObject({ if: z.literal('economic'), in: z.array(economicValue).min(1) }),
  z.strictObject({ if: z.literal('selfCare'), in: z.array(selfCareValue).min(1) }),
  z.strictObject({ if: z.literal('merit'), in: z.array(meritValue).min(1) }),
  z.strictObject({
    if: z.literal('pension'),
    in: z.array(z.enum(['employee', 'resident', 'none'])).min(1),
  }),
  z.strictObject({ if: z.literal('specialFamily'), is: z.boolean() }),
  z.strictObject({ if: z.literal('medicalInsurance'), is: z.boolean() }),
  /** holds when the elder has a recorded disability whose grade (and type, if given) is listed */
  z.strictObject({
    if: z.literal('disability'),
    grades: z.array(z.number().int().min(1).max(4)).min(1),
    types: z.array(disabilityType).min(1).optional(),
  }),
] as const;

type LeafCondition = z.infer<(typeof leafConditions)[number]>;
export type Condition =
  | LeafCondition
  | { if: 'allOf'; of: Condition[] }
  | { if: 'anyOf'; of: Condition[] }
  /**
   * A fact the record does not hold. It is "unknown" unless `falseWhen` holds: being 孤寡 (no
   * children) is ruled out for an empty-nest elder, whose children exist but live elsewhere.
   */
  | { if: 'fact'; fact: string; label: LocalText; falseWhen?: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('if', [
    ...leafConditions,
    z.strictObject({
      if: z.literal('fact'),
      fact: z.string().regex(/^[a-z][a-z0-9-]*$/),
      label: localTextSchema,
      falseWhen: conditionSchema.optional(),
    }),
    z.strictObject({ if: z.literal('allOf'), of: z.array(conditionSchema).min(1) }),
    z.strictObject({ if: z.literal('anyOf'), of: z.array(conditionSchema).min(1) }),
  ]),
);

export const benefitSchema = z.discriminatedUnion('kind', [
  /** a cash allowance; "每人每月不少于60元" is monthlyFen 6000 with atLeast true */
  z.strictObject({
    kind: z.literal('allowance'),
    monthlyFen: z.number().int().positive(),
    atLeast: z.boolean(),
  }),
  /** pay a share of the price: bus fare 5折 is pricePercent 50; unknown share is left out */
  z.strictObject({
    kind: z.literal('discount'),
    pricePercent: z.number().int().min(1).max(99).optional(),
    freeDelivery: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('free') }),
  /** a pension paid by a scheme the elder is in; the amount is the scheme's, not the pack's */
  z.strictObject({ kind: z.literal('pension') }),
  z.strictObject({ kind: z.literal('insurance') }),
  z.strictObject({ kind: z.literal('priority') }),
  /** a service provided to the elder (visits, care, a greeting card) */
  z.strictObject({ kind: z.literal('service') }),
  /** a subsidy whose amount the source leaves to other rules */
  z.strictObject({ kind: z.literal('subsidy') }),
]);

export const claimSchema = z.strictObject({
  /**
   * automatic: paid or provided without asking; card: works by showing the elder card;
   * counter: apply at the station counter / village office; phone: call the number given.
   */
  how: z.enum(['automatic', 'card', 'counter', 'phone']),
  phone: z
    .string()
    .regex(/^\d{3,12}$/)
    .optional(),
  where: localTextSchema.optional(),
});

export const citationSchema = z.strictObject({
  /** seed file name, e.g. 001_bbdd73ef92731b3c.txt */
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'expected a seed file name like 001_….txt'),
  /** the item number in the source list (or the numbered paragraph of the document) */
  item: z.number().int().positive(),
  /** the words of the source the rule encodes, quoted */
  quote: z.string().min(1),
  /** other passages of the same file that give this item's figures */
  also: z
    .array(z.strictObject({ section: z.string().min(1), quote: z.string().min(1) }))
    .optional(),
});

export const packItemSchema = z
  .strictObject({
    /** unique in the pack; starts with the item number: "10-high-age" */
    id: z.string().regex(/^\d+[a-z0-9-]*$/, 'expected an id like "10-high-age"'),
    /** starred (*) items: added by the district on top of the provincial list */
    local: z.boolean(),
    title: localTextSchema,
    group: z.enum(['money', 'services', 'care']),
    /** all must hold */
    audience: z.array(conditionSchema).min(1),
    benefit: benefitSchema,
    cadence: z.enum(['ongoing', 'monthly', 'yearly', 'biennial', 'birthday', 'once', 'on-need']),
    /** due tracking: the record field holding the date it was last done (null: never, so due) */
    dueFrom: z.literal('lastAssessment').optional(),
    /** items in one group are never paid together: the largest monthly amount wins */
    exclusiveGroup: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .optional(),
    claim: claimSchema,
    citation: citationSchema,
    /** why the audience reads the source as it does, where a reader could doubt it */
    note: z.string().optional(),
  })
  .refine((i) => i.id.startsWith(`${i.citation.item}`), {
    message: 'the id must start with the citation item number',
    path: ['id'],
  })
  .refine((i) => i.dueFrom === undefined || i.cadence === 'yearly' || i.cadence === 'biennial', {
    message: 'dueFrom needs a yearly or biennial cadence',
    path: ['dueFrom'],
  });

export const policyPackSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** what a station names in its config: district-year */
  id: z.string().regex(/^[a-z][a-z0-9]*-\d{4}$/, 'expected an id like "nanxun-2023"'),
  /** the pack's own version; bump it whenever an item changes */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.0.0'),
  title: localTextSchema,
  source: z.strictObject({
    file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    document: z.string().min(1),
    list: z.string().min(1),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  items: z.array(packItemSchema).min(1),
});

export type LocalText = z.infer<typeof localTextSchema>;
export type Benefit = z.infer<typeof benefitSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type PackItem = z.infer<typeof packItemSchema>;
export type PolicyPackData = z.infer<typeof policyPackSchema>;

/** A pack that passed its schema, with the content hash it was loaded with. */
export interface PolicyPack extends PolicyPackData {
  /** sha256 of the canonical JSON of the pack file, hex */
  hash: string;
}
