/**
 * A Hono app whose routes are declared with zod schemas (the `createRoute` shape of @hono/zod-openapi): each
 * route validates its path, query, headers and JSON body before its handler runs. The declarations are kept, so
 * scripts/build-openapi.ts renders /openapi.json from them at build time, and the function bundle carries neither
 * the OpenAPI generator nor zod's JSON-schema conversion: it serves the prebuilt document.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import { Hono, type Env, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';

export type { RouteConfig };

/** What the validators report to the app's hook: the request part that failed and zod's error. */
export type ValidationResult = { success: true; target: string } | { success: false; target: string; error: ZodError };
export type ValidationHook = (result: ValidationResult, c: Parameters<MiddlewareHandler>[0]) => Response | void;

/** A route declaration, unchanged (the identity, typed). */
export function createRoute<const R extends RouteConfig>(route: R): R {
  return route;
}

const isJson = (mediaType: string) => /^application\/([a-z-.]+\+)?json/i.test(mediaType);
const essence = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();

export class OpenApiApp<E extends Env = Env> extends Hono<E> {
  /** Every declared route, in registration order (the OpenAPI document's paths). */
  readonly declarations: RouteConfig[] = [];

  constructor(private readonly validationHook: ValidationHook) {
    super();
  }

  /** Registers `route`: its validators, then `handler`. */
  openapi<R extends RouteConfig>(route: R, handler: RouteHandler<R, E>): this {
    this.declarations.push(route);
    const hook = this.validationHook as never;
    const validators: MiddlewareHandler[] = [];
    const { request } = route;
    if (request?.query) validators.push(zValidator('query', request.query as never, hook));
    if (request?.params) validators.push(zValidator('param', request.params as never, hook));
    if (request?.headers) validators.push(zValidator('header', request.headers as never, hook));
    const content = request?.body?.content;
    if (content) {
      const declared = Object.keys(content);
      // A body of a media type the route does not declare is refused before any validator reads it.
      validators.push(async (c, next) => {
        const type = c.req.header('content-type');
        const refused = type
          ? !declared.some((mediaType) => (isJson(mediaType) ? isJson(type) : essence(type) === mediaType.toLowerCase()))
          : c.req.raw.body !== null && (await c.req.arrayBuffer()).byteLength > 0;
        if (refused) throw new HTTPException(415, { message: 'Unsupported Media Type' });
        await next();
      });
      const jsonType = declared.find(isJson);
      if (jsonType) {
        const validateJson = zValidator('json', (content[jsonType] as { schema: never }).schema, hook);
        // A required body is always JSON; an optional one is validated only when it is JSON.
        validators.push(request.body!.required ? validateJson : async (c, next) => {
          if (isJson(c.req.header('content-type') ?? '')) return validateJson(c, next);
          c.req.addValidatedData('json', {});
          await next();
        });
      }
    }
    this.on([route.method.toUpperCase()], [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')], ...(validators as MiddlewareHandler<E>[]), handler as never);
    return this;
  }
}
