import { z } from 'zod';

/**
 * The elder record of DESIGN.md: what the platform's roster sends down and what the policy packs
 * read. Kept free of Node and DOM so the core, the platform and tests share one definition.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a real calendar date',
    },
  );

export const localeCode = z.string().min(2).max(20);

export const elderPrefsSchema = z
  .object({
    locale: localeCode,
    speechRate: z.number().min(0.5).max(2),
    volume: z.number().min(0).max(1),
    fontScale: z.number().min(1).max(2),
  })
  .strict();

export const disabilitySchema = z
  .object({
    grade: z.number().int().min(1).max(4),
    type: z.enum(['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple']),
  })
  .strict();

/** A card UID as the readers report it: upper-case hex, 8 to 20 digits (4- to 10-byte UIDs). */
export const cardUid = z
  .string()
  .regex(/^[0-9A-F]{8,20}$/, 'expected an upper-case hex card UID of 8 to 20 digits');

export const elderRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(40),
    gender: z.enum(['male', 'female']),
    birthDate: isoDate,
    idNumber: z.string().regex(/^\d{17}[\dX]$/, 'expected an 18-character resident ID number'),
    phone: z.string().regex(/^[\d-]{7,20}$/, 'expected a phone number'),
    hukou: z.enum(['local', 'nonlocal']),
    living: z.enum(['alone', 'empty-nest', 'left-behind', 'with-family']),
    economic: z.enum(['none', 'hardship', 'dibao', 'tekun']),
    selfCare: z.enum(['independent', 'mild', 'moderate', 'severe']),
    disability: disabilitySchema.nullable(),
    specialFamily: z.boolean(),
    merit: z.enum(['none', 'veteran', 'disabled-veteran', 'martyr-family']),
    pension: z.enum(['employee', 'resident', 'none']),
    medicalInsurance: z.boolean(),
    lastAssessment: isoDate.nullable(),
    cards: z.array(cardUid),
    prefs: elderPrefsSchema,
    // Two additions to DESIGN.md's record (README, "Elder record"). Both optional, so a roster
    // without them stays valid.
    /** policy-pack item ids of the allowances the platform already pays this elder */
    receiving: z.array(z.string().min(1).max(80)).max(100).optional(),
    /** home address for 送餐上门; shown only to staff on the delivery list */
    address: z.string().min(1).max(200).nullable().optional(),
  })
  .strict();

export type ElderRecord = z.infer<typeof elderRecordSchema>;
export type ElderPrefs = z.infer<typeof elderPrefsSchema>;
