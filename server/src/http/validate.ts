import { ID_SHAPE, type Locale, type ValidationIssue } from '@trame/shared';
import type { z } from 'zod';
import { en, fr } from 'zod/locales';
import { HttpError } from './errors.js';

const zodLocales = { fr: fr(), en: en() } as const;

/** Parses untrusted input with a shared schema; a failure becomes a 400 in the caller's language. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
): z.output<S> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (result.success) return result.data;
  const details: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new HttpError('validation_failed', {}, details);
}

/** An id in a URL: anything but a UUID cannot name a row, so it is simply not found. */
export function idParam(value: string | string[] | undefined): string {
  if (typeof value !== 'string' || !ID_SHAPE.test(value)) throw new HttpError('not_found');
  return value;
}
