/**
 * S5: a corpus of hostile requests generated from the contract. For each route, a valid request
 * (route-cases.ts) is broken one way at a time, guided by the JSON Schema of the route's zod
 * schemas (z.toJSONSchema): wrong types per field (values drawn by fast-check), nulls, missing
 * required fields, unknown fields, strings and arrays past their bounds or past the body limit,
 * values outside enums, patterns and ranges, `__proto__` / `constructor` / `prototype` keys, lone
 * surrogates, invalid UTF-8 bytes, deep nesting, malformed JSON, wrong content types, empty
 * bodies, hostile path parameters (traversal, encoded slashes, NUL) and giant or mistyped query
 * strings. Inside submitted snapshots the contract's SnapshotSchema guides the same mutations,
 * so they reach the Konditional decoder. Every case is invalid by construction.
 */
import * as fc from 'fast-check';
import { z } from 'zod/mini';
import type { RouteDef } from '@contract/routes';
import { SnapshotSchema } from '@contract/schemas';
import { isWellFormed } from '../registry/nesting';
import type { Req } from './route-cases';

export interface HostileCase {
  route: string;
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The JSON pointer of the body field this case breaks (a rejection with a path must point here or inside). */
  pointer?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';
interface JsonSchema {
  type?: JsonType | JsonType[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  format?: string;
}

const toJsonSchema = (schema: z.ZodMiniType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const pointerOf = (path: (string | number)[]) => path.map((k) => '/' + String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

class Schemas {
  constructor(private readonly root: JsonSchema) {}

  resolve(s: JsonSchema | undefined): JsonSchema | undefined {
    if (!s?.$ref) return s;
    const name = s.$ref.replace('#/$defs/', '');
    return this.resolve(this.root.$defs?.[name]);
  }

  /** The branch of a union that the (valid) value takes. */
  branch(s: JsonSchema | undefined, value: unknown): JsonSchema | undefined {
    const r = this.resolve(s);
    const options = r?.anyOf ?? r?.oneOf;
    if (!options) return r;
    const t = typeOf(value);
    return options.map((o) => this.resolve(o)).find((o) => o && this.types(o)?.some((x) => x === t || (x === 'number' && t === 'integer')));
  }

  /** The JSON types a schema accepts; undefined when it accepts anything. */
  types(s: JsonSchema | undefined): JsonType[] | undefined {
    const r = this.resolve(s);
    if (!r) return undefined;
    if (r.anyOf || r.oneOf) {
      const all = (r.anyOf ?? r.oneOf ?? []).map((o) => this.types(o));
      return all.some((t) => t === undefined) ? undefined : [...new Set(all.flat() as JsonType[])];
    }
    if (r.type === undefined) {
      if (r.enum) return [...new Set(r.enum.map(typeOf))];
      if (r.const !== undefined) return [typeOf(r.const)];
      return r.properties ? ['object'] : undefined;
    }
    return Array.isArray(r.type) ? r.type : [r.type];
  }
}

/** Values of a given JSON type, drawn by fast-check (a fixed seed keeps the corpus reproducible). */
const arbitraryOf: Record<JsonType, fc.Arbitrary<Json>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  integer: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  number: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((d) => !Number.isInteger(d)),
  string: fc.string({ maxLength: 12, unit: 'binary-ascii' }),
  array: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), fc.integer(), { maxKeys: 3 }),
};

function wrongTypes(allowed: JsonType[], seed: number): { type: JsonType; value: Json }[] {
  const accepts = (t: JsonType) => allowed.includes(t) || (t === 'integer' && allowed.includes('number'));
  return (Object.keys(arbitraryOf) as JsonType[])
    .filter((t) => !accepts(t) && t !== 'null')
    .map((t, i) => ({ type: t, value: fc.sample(arbitraryOf[t], { seed: seed + i, numRuns: 1 })[0] as Json }));
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** JSON text of `root` with a raw `"key": value` member added to the object at `path`. */
function withRawMember(root: Json, path: (string | number)[], key: string, valueText: string): string {
  const marker = '"hostileMarker7f3a"';
  const patched = clone(root);
  const target = path.reduce<Json>((n, k) => (n as Record<string | number, Json>)[k] as Json, patched) as Record<string, Json>;
  target.hostileMarker7f3a = 0;
  return JSON.stringify(patched).replace(`${marker}:0`, `${JSON.stringify(key)}:${valueText}`);
}

interface FieldCase {
  label: string;
  body: Json | string;
  pointer?: string;
}

/** Mutations of one valid JSON value guided by its schema, recursing into objects and arrays. */
function mutateValue(
  schemas: Schemas,
  schema: JsonSchema | undefined,
  value: Json,
  path: (string | number)[],
  root: Json,
  seed: number,
  bodyLimit: number,
  out: FieldCase[],
  /** Inside submitted documents, null for an optional member means "absent" to the decoder, as in Konditional. */
  optionalNullIsAbsent = false,
  optional = false,
): void {
  const s = schemas.branch(schema, value);
  const allowed = schemas.types(schema);
  const here = pointerOf(path);
  const put = (label: string, v: Json | undefined, pointer = here) => out.push({ label: `${label} at ${here || '/'}`, body: setAt(root, path, v), pointer });

  if (path.length > 0 && allowed) {
    for (const w of wrongTypes(allowed, seed + path.length)) put(`wrong type (${w.type})`, w.value);
    if (!allowed.includes('null') && !(optional && optionalNullIsAbsent)) put('null', null);
  }
  if (!s) return;
  const t = typeOf(value);
  if (t === 'string' && path.length > 0) {
    const str = value as string;
    if (s.maxLength !== undefined && s.maxLength < bodyLimit) put(`string longer than ${s.maxLength}`, 'x'.repeat(s.maxLength + 1));
    put('string past the body limit', 'x'.repeat(bodyLimit + 1));
    if (s.enum) put('value outside the enum', `${str}-not-in-enum`);
    if (s.pattern) put('value outside the pattern', `../${str}/..`);
    if (s.minLength !== undefined && s.minLength > 0 && !s.enum) put('empty string', '');
  }
  if ((t === 'integer' || t === 'number') && path.length > 0) {
    if (s.minimum !== undefined) put(`number below ${s.minimum}`, s.minimum - 1);
    if (s.maximum !== undefined) put(`number above ${s.maximum}`, s.maximum + 1);
    if (allowed?.includes('integer') && !allowed.includes('number')) put('fraction for an integer', 1.5);
  }
  if (t === 'array') {
    const items = value as Json[];
    const sample = items[0] ?? null;
    if (s.maxItems !== undefined && s.maxItems <= 20_000) put(`array longer than ${s.maxItems}`, Array.from({ length: s.maxItems + 1 }, () => clone(sample)));
    put('array past the body limit', Array.from({ length: Math.ceil(bodyLimit / 2) + 1 }, () => 0));
    items.slice(0, 1).forEach((item, i) => mutateValue(schemas, s.items, item, [...path, i], root, seed + 7, bodyLimit, out, optionalNullIsAbsent));
  }
  if (t === 'object') {
    const obj = value as Record<string, Json>;
    for (const k of (s.required ?? []).filter((r) => r in obj)) {
      out.push({ label: `missing required "${k}" at ${here || '/'}`, body: setAt(root, [...path, k], undefined), pointer: pointerOf([...path, k]) });
    }
    const strict = s.additionalProperties === false;
    if (strict) {
      out.push({ label: `unknown field at ${here || '/'}`, body: setAt(root, [...path, 'hostileExtra'], 1), pointer: pointerOf([...path, 'hostileExtra']) });
      for (const key of ['constructor', 'prototype']) {
        out.push({ label: `"${key}" key at ${here || '/'}`, body: withRawMember(root, path, key, '{"polluted": true}'), pointer: pointerOf([...path, key]) });
      }
    }
    out.push({ label: `"__proto__" key at ${here || '/'}`, body: withRawMember(root, path, '__proto__', '{"polluted": true}'), pointer: pointerOf([...path, '__proto__']) });
    for (const [k, v] of Object.entries(obj)) {
      const child = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      mutateValue(schemas, child, v, [...path, k], root, seed + k.length, bodyLimit, out, optionalNullIsAbsent, !(s.required ?? []).includes(k));
    }
  }
}

const SNAPSHOT_SCHEMA = toJsonSchema(SnapshotSchema);

/** Mutations inside a submitted snapshot/patch document (object form), guided by SnapshotSchema: they reach the decoder. */
function documentCases(body: Record<string, Json>, field: string, bodyLimit: number): FieldCase[] {
  const doc = body[field];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [];
  const inner: FieldCase[] = [];
  const schemas = new Schemas(SNAPSHOT_SCHEMA);
  mutateValue(schemas, SNAPSHOT_SCHEMA, doc, [], doc, 99, bodyLimit, inner, true);
  return inner
    // Inside a document, unknown members are Konditional's business, and "missing" fields have defaults.
    .filter((c) => !/^(unknown field|"constructor"|"prototype"|missing required)/.test(c.label) || c.label.includes('"__proto__"'))
    .filter((c) => /wrong type|null|__proto__|outside the enum|above|below|past the body limit/.test(c.label))
    .map((c) => ({
      label: `${field}: ${c.label}`,
      body: typeof c.body === 'string' ? withRawDoc(body, field, c.body) : { ...body, [field]: c.body },
      ...(c.pointer !== undefined ? { pointer: `/${field}${c.pointer}` } : {}),
    }));
}

const withRawDoc = (body: Record<string, Json>, field: string, docText: string): string =>
  withRawMember(setAt(body, [field], undefined), [], field, docText);

const HOSTILE_SEGMENTS = [
  '..%2f..%2fetc%2fpasswd',
  '..%2F..%2Fapi%2Fv1%2Ftokens',
  '%2e%2e',
  '..',
  '.',
  'a%2fb',
  'a%00b',
  '%00',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%F0%9F%92%A5',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'javascript%3Aalert(1)',
  '%20',
  '-',
  'x'.repeat(600),
  '%252e%252e%252f',
];

/** Property-based ids: random strings of every character class, percent-encoded as a client would. */
function randomSegments(seed: number, count: number): string[] {
  return fc
    .sample(fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }), { seed, numRuns: count * 4 })
    .filter((s) => isWellFormed(s) && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s))
    .slice(0, count)
    .map((s) => encodeURIComponent(s));
}

/** `transport`: refused whatever the route (not JSON, not UTF-8, not parseable); the rest are JSON that only a route with a body schema refuses. */
const RAW_BODIES: { label: string; payload: string | Buffer; contentType?: string; transport?: true }[] = [
  { label: 'malformed JSON (truncated)', payload: '{"reason": "x",', transport: true },
  { label: 'malformed JSON (trailing garbage)', payload: '{"reason": "x"} trailing', transport: true },
  { label: 'malformed JSON (single quotes)', payload: "{'reason': 'x'}", transport: true },
  { label: 'malformed JSON (NaN)', payload: '{"reason": NaN}', transport: true },
  { label: 'two JSON documents', payload: '{"a":1}{"b":2}', transport: true },
  { label: 'JSON null', payload: 'null' },
  { label: 'JSON array', payload: '[]' },
  { label: 'JSON string', payload: '"hello"' },
  { label: 'JSON number', payload: '42' },
  { label: 'empty body with JSON content type', payload: '' },
  { label: 'whitespace body', payload: '   \n ' },
  { label: 'NUL byte', payload: '\u0000', transport: true },
  { label: 'nested 10,000 levels (arrays)', payload: '['.repeat(10_000) + ']'.repeat(10_000), transport: true },
  { label: 'nested 10,000 levels (objects)', payload: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), transport: true },
  { label: 'invalid UTF-8 (overlong "/")', payload: Buffer.concat([Buffer.from('{"reason": "a'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), transport: true },
  { label: 'invalid UTF-8 (0xFF)', payload: Buffer.concat([Buffer.from('{"reason": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]), transport: true },
  { label: 'invalid UTF-8 (encoded surrogate)', payload: Buffer.concat([Buffer.from('{"reason": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), transport: true },
  { label: 'BOM then JSON', payload: '\ufeff{"reason": "x"}', transport: true },
  { label: 'form content type', payload: 'reason=x', contentType: 'application/x-www-form-urlencoded', transport: true },
  { label: 'text content type', payload: '{"reason": "x"}', contentType: 'text/plain', transport: true },
  { label: 'multipart content type', payload: '--b\r\nContent-Disposition: form-data; name="reason"\r\n\r\nx\r\n--b--', contentType: 'multipart/form-data; boundary=b', transport: true },
  { label: 'XML content type', payload: '<reason>x</reason>', contentType: 'application/xml', transport: true },
  { label: 'octet-stream content type', payload: Buffer.from([0, 1, 2, 3]), contentType: 'application/octet-stream', transport: true },
];

/** Every hostile case for one route, built from one valid request to it. */
export function hostileCases(name: string, def: RouteDef, valid: Req, bodyLimit: number, seed: number): HostileCase[] {
  const cases: HostileCase[] = [];
  const headers = { ...valid.headers };
  const json = { ...headers, 'content-type': 'application/json' };
  const add = (label: string, c: Omit<HostileCase, 'route' | 'label'>) => cases.push({ route: name, label, ...c });
  const [path, query = ''] = valid.url.split('?') as [string, string?];
  const q = query ? `?${query}` : '';

  // Path parameters: each one replaced by hostile segments.
  const params = [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  if (params.length > 0) {
    const validSegments = path.split('/');
    const templateSegments = def.path.split('/');
    for (const param of params) {
      const index = templateSegments.indexOf(`:${param}`);
      for (const segment of [...HOSTILE_SEGMENTS, ...randomSegments(seed + index, 6)]) {
        const segments = [...validSegments];
        segments[index] = segment;
        add(`path parameter ${param} = ${segment.slice(0, 40)}`, { method: def.method, url: segments.join('/') + q, headers: valid.body !== undefined ? json : headers, ...(valid.body !== undefined ? { payload: JSON.stringify(valid.body) } : {}) });
      }
    }
  }

  // Every endpoint: traversal and NUL appended to its path (no route may match them), and, where
  // credentials are needed, malformed Authorization headers.
  for (const suffix of ['/..%2f..%2f..%2fetc%2fpasswd', '%00', '/x'.repeat(200)]) {
    add(`path suffix ${suffix.slice(0, 30)}`, { method: def.method, url: path + suffix + q, headers });
  }
  if (def.access !== 'public') {
    const auth = ['Bearer', 'Bearer ', `Bearer ${'A'.repeat(10_000)}`, 'Bearer a b', 'Basic YWRtaW46YWRtaW4=', 'Bearer \u00e9\u00e8', 'bearer%00x'];
    for (const authorization of auth) {
      add(`Authorization: ${authorization.slice(0, 24)}`, {
        method: def.method,
        url: valid.url,
        headers: { ...(valid.body !== undefined ? json : headers), authorization },
        ...(valid.body !== undefined ? { payload: JSON.stringify(valid.body) } : {}),
      });
    }
  }

  // Query strings: every declared parameter mistyped or oversized, and a giant query string.
  if (def.query) {
    const qs = new Schemas(toJsonSchema(def.query));
    const root = toJsonSchema(def.query);
    for (const [param, ps] of Object.entries(root.properties ?? {})) {
      const types = qs.types(ps) ?? [];
      const bad: string[] = [];
      if (types.includes('integer') || types.includes('number')) bad.push('abc', '1e999', '-1', '1.5', '0x10', '');
      const resolved = qs.resolve(ps);
      if (resolved?.enum) bad.push('not-in-enum');
      if (resolved?.format === 'date-time') bad.push('yesterday', '2026-13-45T99:99:99Z');
      if (resolved?.maxLength !== undefined) bad.push('x'.repeat(resolved.maxLength + 1));
      for (const value of bad) {
        const search = new URLSearchParams(query);
        search.set(param, value);
        // Only values the contract refuses (z.coerce takes "0x10" as 16, "" as 0).
        if (def.query.safeParse(Object.fromEntries(search)).success) continue;
        add(`query ${param} = ${value.slice(0, 20)}`, { method: def.method, url: `${path}?${search.toString()}`, headers: valid.body !== undefined ? json : headers, ...(valid.body !== undefined ? { payload: JSON.stringify(valid.body) } : {}) });
      }
    }
    const first = Object.keys(root.properties ?? {})[0];
    if (first) {
      add('giant query string', { method: def.method, url: `${path}?${first}=${'9'.repeat(100_000)}`, headers });
      add('repeated query parameter', { method: def.method, url: `${path}?${Array.from({ length: 2000 }, () => `${first}=1`).join('&')}&${first}=abc`, headers });
    }
  }

  // Bodies.
  if (def.body && valid.body !== undefined && def.method !== 'GET') {
    const schemaRoot = toJsonSchema(def.body);
    const schemas = new Schemas(schemaRoot);
    const fields: FieldCase[] = [];
    mutateValue(schemas, schemaRoot, valid.body as Json, [], valid.body as Json, seed, bodyLimit, fields);
    const body = valid.body as Record<string, Json>;
    for (const field of ['snapshot', 'patch', 'adoptSnapshot']) fields.push(...documentCases(body, field, bodyLimit));
    // Lone surrogates in every string field of the body (valid JSON escapes, ill-formed text).
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string') {
        fields.push({ label: `lone surrogate in /${k}`, body: JSON.stringify({ ...body, [k]: 'HOLE' }).replace('"HOLE"', '"a\\ud800b"'), pointer: `/${k}` });
      }
    }
    for (const f of fields) {
      add(f.label, { method: def.method, url: valid.url, headers: json, payload: typeof f.body === 'string' ? f.body : JSON.stringify(f.body), ...(f.pointer !== undefined ? { pointer: f.pointer } : {}) });
    }
  }
  if (def.method !== 'GET') {
    for (const raw of RAW_BODIES.filter((b) => def.body !== undefined || b.transport)) {
      add(raw.label, { method: def.method, url: valid.url, headers: { ...headers, 'content-type': raw.contentType ?? 'application/json' }, payload: raw.payload });
    }
    if (def.body) add('no body at all', { method: def.method, url: valid.url, headers });
    add('body past the limit', { method: def.method, url: valid.url, headers: json, payload: JSON.stringify({ reason: 'x'.repeat(bodyLimit + 10) }) });
  }
  return cases;
}
