import { z } from 'zod';

export const uuidSchema = z.uuid();
export const isoDateSchema = z.iso.date();
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** INSEE commune code: five digits, or 2A/2B plus three digits in Corsica. */
export const communeCodeSchema = z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/);
/** EPCI are identified by their SIREN number. */
export const epciCodeSchema = z.string().regex(/^\d{9}$/);

/** Any 8-4-4-4-12 hex string: what the server reads as an id in a URL. */
export const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  // Ids and slugs share the contract's URL: a slug shaped like an id could never be reached.
  .refine((slug) => !ID_SHAPE.test(slug), {
    message: 'ressemble à un identifiant / looks like an id',
  });

export const paginationSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export interface Page<T> {
  items: T[];
  total: number;
}
