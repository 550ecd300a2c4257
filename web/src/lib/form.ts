/**
 * The one form pattern of the web app: `@mantine/form` holds the values and the errors, rules are
 * built from the shared limits (`src/shared/<feature>.ts`), and a server answer's errors land on
 * the fields — a VALIDATION answer's `details` (`[{ path, message }]`, path dotted as the server's
 * error handler writes it) by path, any other error by its stable code through the form's
 * `codeFields` (e.g. `USERNAME_TAKEN → username`). What no field shows is left for the alert.
 */
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../api/client.js';

type Rule = (value: unknown) => string | null;
// The package's own type names do not resolve under nodenext (`export type * from './types'`).
type FormInput<V extends Record<string, unknown>> = NonNullable<Parameters<typeof useForm<V>>[0]>;
type FormOf<V extends Record<string, unknown>> = ReturnType<typeof useForm<V>>;

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const lengthOf = (v: unknown) => (typeof v === 'string' ? v.trim().length : 0);

/** Field rules; each returns the Vietnamese message or null. Compose them with `rules.all`. */
export const rules = {
  required:
    (message: string): Rule =>
    (v) =>
      isBlank(v) || (Array.isArray(v) && v.length === 0) ? message : null,
  minLength:
    (min: number, message: string): Rule =>
    (v) =>
      !isBlank(v) && lengthOf(v) < min ? message : null,
  maxLength:
    (max: number, message = `Tối đa ${max} ký tự`): Rule =>
    (v) =>
      lengthOf(v) > max ? message : null,
  matches:
    (pattern: RegExp, message: string): Rule =>
    (v) =>
      typeof v === 'string' && v.trim() !== '' && !pattern.test(v.trim()) ? message : null,
  all:
    (...list: Rule[]): Rule =>
    (v) => {
      for (const rule of list) {
        const message = rule(v);
        if (message) return message;
      }
      return null;
    },
};

/** The server's field errors of an answer, by dotted path (the first message of each path). */
export function serverFieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION' || !Array.isArray(err.details)) return out;
  for (const d of err.details as unknown[]) {
    if (!d || typeof d !== 'object') continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path === 'string' && path !== '' && typeof message === 'string' && !(path in out))
      out[path] = message;
  }
  return out;
}

/** Which field shows an error of a given stable code (`err.code`), per form. */
export type CodeFields = Partial<Record<string, string>>;

/**
 * The errors to put on the form's fields for a server error: the VALIDATION details whose path is
 * one of `fields`, or the whole message on the field that `codeFields` names for its code. Empty
 * when no field of the form can show it (the caller then shows the alert).
 */
export function errorsForFields(err: unknown, fields: readonly string[], codeFields: CodeFields = {}) {
  const known = new Set(fields);
  const found: Record<string, string> = {};
  for (const [path, message] of Object.entries(serverFieldErrors(err)))
    if (known.has(path)) found[path] = message;
  if (Object.keys(found).length > 0) return found;
  if (err instanceof ApiError) {
    const field = codeFields[err.code];
    if (field && known.has(field)) found[field] = err.message;
  }
  return found;
}

export interface ServerForm<V extends Record<string, unknown>> {
  form: FormOf<V>;
  /** The error no field shows (for `ErrorAlert`), or null. */
  formError: unknown;
  /** For a mutation's `onError`: field errors onto the fields, the rest into `formError`. */
  onServerError: (err: unknown) => void;
  /** Validates, then calls `submit` with the values (for `<form onSubmit>`). */
  onSubmit: (submit: (values: V) => void) => (event?: React.FormEvent<HTMLFormElement>) => void;
}

/** `useForm` with the server's errors wired in: the form every page uses. */
export function useServerForm<V extends Record<string, unknown>>(
  input: FormInput<V> & { initialValues: V },
  codeFields: CodeFields = {},
): ServerForm<V> {
  const form = useForm<V>({ mode: 'controlled', ...input });
  const [formError, setFormError] = useState<unknown>(null);
  const onServerError = (err: unknown) => {
    const onFields = errorsForFields(err, Object.keys(input.initialValues), codeFields);
    if (Object.keys(onFields).length > 0) {
      form.setErrors(onFields);
      setFormError(null);
    } else setFormError(err);
  };
  const onSubmit = (submit: (values: V) => void) =>
    form.onSubmit((values) => {
      setFormError(null);
      submit(values);
    });
  return { form, formError, onServerError, onSubmit };
}
