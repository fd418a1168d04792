/** The OpenAPI 3.1 document, generated from contract/routes.ts with zod's JSON Schema output. */
import { z } from 'zod/mini';
import { routes, serviceRoutes, type RouteDef } from '@contract/routes';
import { ApiErrorBody } from '@contract/schemas';

type Json = Record<string, unknown>;

const schema = (s: z.ZodMiniType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

const strip = ({ $schema: _ignored, ...rest }: Json): Json => rest;

function parameters(def: RouteDef): Json[] {
  const out: Json[] = [];
  const add = (s: z.ZodMiniType | undefined, where: 'path' | 'query') => {
    if (!(s instanceof z.ZodMiniObject)) return;
    const shape = s.shape as Record<string, z.ZodMiniType>;
    for (const [name, field] of Object.entries(shape)) {
      const required = where === 'path' || !field.safeParse(undefined).success;
      out.push({ name, in: where, required, schema: strip(schema(field, 'input')) });
    }
  };
  add(def.params, 'path');
  add(def.query, 'query');
  if (def.precondition) {
    out.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description:
        def.precondition === 'rollout-revision'
          ? 'The rollout revision the caller saw, quoted ("7"), or * for the rollout as it is now. Missing: 428; stale: 412.'
          : def.precondition === 'namespace-revision'
            ? 'The namespace revision the caller saw (its `revision`), quoted ("7"), or * for the namespace as it is now. Missing: 428; stale: 412.'
            : 'The active version the caller saw, quoted ("12"), or * for whatever is live. Missing: 428; stale: 412.',
      schema: { type: 'string' },
    });
  }
  if (def.mutation) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeats with the same key and body return the first response (Idempotent-Replayed: true); another body: 422.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  }
  return out;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

function operation(id: string, def: RouteDef): Json {
  const produces = def.produces ?? ['application/json'];
  const ok = def.method === 'POST' && (id === 'createNamespace' || id === 'createToken' || id === 'createRollout') ? '201' : '200';
  const responses: Json = {
    [ok]: {
      description: 'OK',
      content: Object.fromEntries(
        produces.map((type) => [type, { schema: type === 'application/json' ? strip(schema(def.response, 'output')) : { type: 'string' } }]),
      ),
    },
    '400': errorResponse('Bad request: the message says what, `path` points at the field'),
    '500': errorResponse('A server bug (logged); never caused by the request'),
  };
  if (def.access !== 'public') {
    responses['401'] = errorResponse('No, bad, revoked or expired token');
    responses['403'] = errorResponse('The role is too low (the message names the role needed), or the CSRF header is missing');
  }
  if (def.precondition) {
    responses['412'] = errorResponse('If-Match is stale: details carry the current state and the changes since');
    responses['428'] = errorResponse('If-Match is missing');
  }
  if (def.mutation) responses['422'] = errorResponse('Invalid snapshot (InvalidJson, FeatureNotFound, InvalidSnapshot), or an Idempotency-Key reused');
  if (def.body) responses['413'] = errorResponse('The body is over the size limit');
  const op: Json = {
    operationId: id,
    summary: def.summary,
    parameters: parameters(def),
    responses,
    security: def.access === 'public' ? [] : [{ bearer: [] }, { session: [] }],
    'x-switchyard-access': def.access,
  };
  if (def.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: strip(schema(def.body, 'input')) } } };
  }
  return op;
}

export function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  const all: [string, RouteDef][] = [...Object.entries(routes), ...Object.entries(serviceRoutes)];
  for (const [id, def] of all) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [def.method.toLowerCase()]: operation(id, def) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchyard',
      version,
      description:
        'Registry of Konditional configuration snapshots. Errors are {"error": {code, message, path?, details?}}. ' +
        'Mutations need a reason, take an Idempotency-Key and, where marked, If-Match.',
    },
    paths,
    components: {
      schemas: { ApiError: strip(schema(ApiErrorBody, 'output')) },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sy_session',
          description: 'Browser session from POST /api/v1/session; changes also need X-Requested-With: switchyard',
        },
      },
    },
  };
}
