/**
 * Building blocks of the decoder: reading untrusted input field by field, and value envelopes.
 * Internally a failure is thrown as DecodeFailure so the first error wins without threading
 * Results through every helper; the public functions in decode.ts catch it (and anything else)
 * so decoding never throws.
 */
import { escapePointerToken } from './json';
import {
  VALUE_TYPES,
  type DecodeError,
  type DecodeErrorKind,
  type FlagValue,
  type JsonPrimitive,
  type JsonValue,
  type ValueType,
} from './model';

export class DecodeFailure extends Error {
  constructor(readonly error: DecodeError) {
    super(error.message);
  }
}

export function fail(kind: DecodeErrorKind, path: string, message: string): never {
  throw new DecodeFailure({ kind, message, path });
}

export const at = (base: string, token: string | number): string => `${base}/${escapePointerToken(String(token))}`;

export type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `the number ${String(v)}`;
  return `${typeof v} ${String(v)}`;
}

/** Own properties only: `constructor`, `__proto__` and friends are never inherited by accident. */
export function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function expectObject(v: unknown, path: string, what: string): Obj {
  if (!isObject(v)) fail('InvalidJson', path, `${what} must be a JSON object, got ${describe(v)}.`);
  return v;
}

export function expectString(v: unknown, path: string, what: string): string {
  if (typeof v !== 'string') fail('InvalidJson', path, `${what} must be a string, got ${describe(v)}.`);
  return v;
}

export function expectFinite(v: unknown, path: string, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    fail('InvalidJson', path, `${what} must be a finite number, got ${describe(v)}.`);
  }
  return v;
}

export function expectArray(v: unknown, path: string, what: string): unknown[] {
  if (!Array.isArray(v)) fail('InvalidJson', path, `${what} must be an array, got ${describe(v)}.`);
  return v;
}

export function expectStringArray(v: unknown, path: string, what: string): string[] {
  return expectArray(v, path, what).map((item, i) => expectString(item, at(path, i), `each entry of ${what}`));
}

/** A field with a default: absent -> default; present (even null) -> must have the right type. */
export function withDefault<T>(obj: Obj, key: string, fallback: T, read: (v: unknown) => T): T {
  const v = own(obj, key);
  return v === undefined ? fallback : read(v);
}

/** A nullable optional field (Konditional's `String? = null`): absent or null -> undefined. */
export function optional<T>(obj: Obj, key: string, read: (v: unknown) => T): T | undefined {
  const v = own(obj, key);
  return v === undefined || v === null ? undefined : read(v);
}

const MAX_VALUE_DEPTH = 64;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * A deep copy of a JSON value from untrusted input. Objects are built with Object.fromEntries,
 * which defines own properties: a `__proto__` key stays data and never becomes a prototype.
 */
export function copyJsonValue(v: unknown, path: string, depth = 0): JsonValue {
  if (depth > MAX_VALUE_DEPTH) {
    fail('InvalidSnapshot', path, `Values may nest at most ${MAX_VALUE_DEPTH} levels deep; flatten this value.`);
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return expectFinite(v, path, 'A number');
  if (Array.isArray(v)) return v.map((item, i) => copyJsonValue(item, at(path, i), depth + 1));
  if (isObject(v)) return copyJsonObject(v, path, depth);
  return fail('InvalidJson', path, `Expected a JSON value, got ${describe(v)}.`);
}

export function copyJsonObject(v: Obj, path: string, depth = 0): { [key: string]: JsonValue } {
  return Object.fromEntries(Object.keys(v).map((k) => [k, copyJsonValue(v[k], at(path, k), depth + 1)]));
}

export interface EnvelopeOptions {
  /** When given, a different `type` is InvalidSnapshot at `<path>/type`. */
  expectedType?: ValueType;
  /** ENUM: when given, a constant outside the list is InvalidSnapshot at `<path>/value`. */
  enumValues?: readonly string[];
  /** Who declared the expected type, for messages. */
  expectation?: string;
}

export function isValueType(v: unknown): v is ValueType {
  return typeof v === 'string' && (VALUE_TYPES as readonly string[]).includes(v);
}

/** Decodes `{type, value, ...}`; output key order is fixed (as in core/model.ts). */
export function decodeValue(input: unknown, path: string, opts: EnvelopeOptions = {}): FlagValue {
  const env = expectObject(input, path, 'A value');
  const type = own(env, 'type');
  if (type === undefined) fail('InvalidJson', at(path, 'type'), `A value needs a "type" (one of ${VALUE_TYPES.join(', ')}).`);
  if (!isValueType(type)) {
    fail('InvalidJson', at(path, 'type'), `Unknown value type ${describe(type)}; use one of ${VALUE_TYPES.join(', ')}.`);
  }
  if (opts.expectedType !== undefined && type !== opts.expectedType) {
    const by = opts.expectation ?? 'the feature declaration';
    fail('InvalidSnapshot', at(path, 'type'), `Value type ${type} does not match ${by} (${opts.expectedType}).`);
  }
  const raw = own(env, 'value');
  const vPath = at(path, 'value');
  if (raw === undefined) fail('InvalidJson', vPath, `A ${type} value needs a "value" field.`);
  const className = (key: string) => expectString(own(env, key), at(path, key), `"${key}" of a ${type} value`);
  switch (type) {
    case 'BOOLEAN':
      if (typeof raw !== 'boolean') fail('InvalidJson', vPath, `A BOOLEAN value must be true or false, got ${describe(raw)}.`);
      return { type, value: raw };
    case 'STRING':
      return { type, value: expectString(raw, vPath, 'A STRING value') };
    case 'INT': {
      const n = expectFinite(raw, vPath, 'An INT value');
      if (!Number.isInteger(n) || n < INT32_MIN || n > INT32_MAX) {
        fail('InvalidJson', vPath, `An INT value must be a 32-bit integer, got ${describe(raw)}; use DOUBLE for fractions.`);
      }
      return { type, value: n };
    }
    case 'DOUBLE':
      return { type, value: expectFinite(raw, vPath, 'A DOUBLE value') };
    case 'ENUM': {
      const value = expectString(raw, vPath, 'An ENUM value');
      if (opts.enumValues !== undefined && !opts.enumValues.includes(value)) {
        const allowed = opts.enumValues.join(', ');
        fail('InvalidSnapshot', vPath, `${JSON.stringify(value)} is not a declared constant (${allowed}); use one of them or declare it.`);
      }
      return { type, value, enumClassName: className('enumClassName') };
    }
    case 'DATA_CLASS': {
      const dataClassName = className('dataClassName');
      const obj = expectObject(raw, vPath, 'A DATA_CLASS value');
      return { type, dataClassName, value: copyJsonObject(obj, vPath) };
    }
    case 'KONSTRAINED_PRIMITIVE': {
      const konstrainedClassName = className('konstrainedClassName');
      if (raw !== null && typeof raw === 'object') {
        fail('InvalidJson', vPath, `A KONSTRAINED_PRIMITIVE value must be a string, number, boolean or null, got ${describe(raw)}.`);
      }
      return { type, konstrainedClassName, value: copyJsonValue(raw, vPath) as JsonPrimitive };
    }
  }
}
