import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from './errors.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * The one place where errors become HTTP responses, all of the shape
 * { error: { code, message, details } }. Unknown errors are logged and answered without
 * internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.httpStatus === 429) {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) void reply.header('retry-after', String(retry));
      }
      return reply.status(error.httpStatus).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues = error.validation.map((issue) => {
        const zodIssue = issue.params as { code?: string; keys?: string[] };
        let message = issue.message ?? 'is invalid';
        if (zodIssue.code === 'unrecognized_keys' && zodIssue.keys) {
          message = `unknown field(s): ${zodIssue.keys.join(', ')}`;
        }
        return { path: issue.instancePath || '/', message };
      });
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return reply
        .status(400)
        .send(body('validation_failed', `The request ${where} is invalid: ${summary}`, { issues }));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply
          .status(413)
          .send(body('body_too_large', 'The request body is larger than this endpoint accepts.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .status(415)
          .send(body('unsupported_media_type', 'Send the request body as application/json.'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body('invalid_json', 'The JSON body is empty.'));
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body('invalid_json', 'The request body is not valid JSON.'));
      default:
        break;
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send(body('rate_limited', error.message || 'Too many requests. Slow down and try again shortly.'));
    }
    if (error.statusCode === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
      return reply.status(400).send(body('invalid_json', 'The request body is not valid JSON.'));
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.status(400).send(body('bad_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal_error', 'Something went wrong on our side. The error was logged; try again.'));
  });
}

export function sendNotFound(path: string): ErrorBody {
  return body('not_found', `There is no API route ${path}.`);
}
