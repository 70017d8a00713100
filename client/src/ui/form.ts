import type { ErrorCode, ValidationIssue } from '@trame/shared';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** Field errors keyed by the dotted path of the field (`email`, `partenaires.0.nomExterne`). */
export type FieldErrors = Record<string, string>;

/** The part of a zod issue the form reads; declared here so the client needs no zod import. */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
}

/** Any of the shared zod schemas: the client validates with the very schema the server uses. */
interface Schema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Keeps each path's first error, and lifts nested ones (`communes.3`) onto their field (`communes`). */
function collect(entries: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of entries) {
    errors[path] ??= message;
    const top = path.split('.')[0];
    if (top) errors[top] ??= message;
  }
  return errors;
}

function useIssueMessage() {
  const { t } = useTranslation();
  return (issue: Issue, input: unknown): string => {
    const value = valueAt(input, issue.path);
    const limit = Number(issue.minimum ?? issue.maximum ?? 0);
    switch (issue.code) {
      case 'too_small':
        if (isBlank(value) || (issue.origin === 'string' && limit <= 1))
          return t('validation.required');
        if (issue.origin === 'array') return t('validation.tooFewItems', { count: limit });
        if (issue.origin === 'string') return t('validation.tooShort', { count: limit });
        return t('validation.tooSmall', { min: limit });
      case 'too_big':
        if (issue.origin === 'array') return t('validation.tooManyItems', { count: limit });
        if (issue.origin === 'string') return t('validation.tooLong', { count: limit });
        return t('validation.tooBig', { max: limit });
      case 'invalid_format':
        if (issue.format === 'email') return t('validation.email');
        if (issue.format === 'date') return t('validation.date');
        if (issue.format === 'url') return t('validation.url');
        if (issue.format === 'uuid') return t('validation.uuid');
        return t('validation.format');
      case 'invalid_type':
        return isBlank(value) ? t('validation.required') : t('validation.format');
      case 'invalid_value':
        return t('validation.choice');
      default:
        return t('validation.format');
    }
  };
}

interface FormOptions {
  fieldByCode?: Partial<Record<ErrorCode, string>>;
}

/**
 * Form state validated by a shared zod schema before sending, with errors from the server's
 * `details` shown on the same fields. After a failed submit, focus moves to the first invalid
 * field so keyboard and screen-reader users land on what needs fixing.
 */
export function useForm<V extends object>(initial: V, options: FormOptions = {}) {
  const { t } = useTranslation();
  const issueMessage = useIssueMessage();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (failures === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [failures]);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => {
      if (!(name in previous)) return previous;
      const { [name as string]: _cleared, ...rest } = previous;
      return rest;
    });
  }, []);

  const fail = (next: FieldErrors, message: string) => {
    setErrors(next);
    setAlert(message);
    setFailures((count) => count + 1);
  };

  /**
   * Returns the parsed input, or null after showing why it is not valid. `overrides` rewords the
   * schema's message for a path; `extra` adds errors found outside the schema (they win).
   */
  function validate<T>(
    schema: Schema<T>,
    input: unknown,
    overrides: FieldErrors = {},
    extra: FieldErrors = {},
  ): T | null {
    const result = schema.safeParse(input);
    const extraEntries = Object.entries(extra).map(([path, message]) => ({ path, message }));
    if (result.success && extraEntries.length === 0) {
      setErrors({});
      setAlert(null);
      return result.data;
    }
    const issues = result.success ? [] : result.error.issues;
    const next = collect([
      ...extraEntries,
      ...issues.map((issue) => {
        const path = pathOf(issue.path);
        return { path, message: overrides[path] ?? issueMessage(issue, input) };
      }),
    ]);
    const fields = Object.keys(next).filter((path) => !path.includes('.'));
    fail(next, t('validation.summary', { count: fields.length }));
    return null;
  }

  /**
   * Shows an API failure: its message above the form, its `details` beside the fields. Errors
   * that concern one field without naming it (`slug_taken`) go where `fieldByCode` says.
   */
  function showError(error: unknown) {
    if (isApiError(error)) {
      const details: ValidationIssue[] = [...error.details];
      const field = options.fieldByCode?.[error.code];
      if (field && details.length === 0) details.push({ path: field, message: error.message });
      fail(collect(details), error.message);
    } else {
      fail({}, t('errors.unexpected'));
    }
  }

  /** Wraps a submit handler: no page reload, and the previous alert is cleared. */
  const onSubmit = (handler: () => void) => (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    handler();
  };

  return { values, set, errors, alert, validate, showError, fail, onSubmit, formRef };
}
