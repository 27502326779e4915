import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { LoggerOptions } from 'pino';
import { RequestContext } from '@crm/core';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Field names that hold personal data or credentials wherever they appear in a logged object. */
export const REDACTED_FIELDS = [
  'password',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'phone',
  'phones',
  'mobile',
  'email',
  'emails',
  'name',
  'firstName',
  'lastName',
  'fullName',
  'idNumber',
  'nationalId',
  'vin',
  'address',
  'recipient',
  'q',
];

/** Up to three levels deep (`body.customer.phone`), plus the credentials pino-http puts in request headers. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]),
];

/** pino's own options, shared by the HTTP access log and every other log line. */
export function pinoOptions(service: string, level: LogLevel): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'message',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Every line written while a request or a message is handled names its conversation.
    mixin: () => {
      const context = RequestContext.peek();
      return context ? { correlationId: context.correlationId } : {};
    },
  };
}

/** The request as pino-http's standard serializer hands it on. */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  headers?: unknown;
}

/**
 * nestjs-pino for one service: JSON lines on stdout, an access log line per request (at info, so
 * LOG_LEVEL=warn in tests keeps them quiet), the correlation id as the request id, query strings
 * kept out of the logged URL (they carry names and phone numbers) and logged as redactable fields.
 */
export function loggerParams(service: string, level: LogLevel): Params {
  return {
    pinoHttp: {
      ...pinoOptions(service, level),
      genReqId: (request: IncomingMessage, response: ServerResponse) =>
        RequestContext.peek()?.correlationId ?? String(response.getHeader('x-correlation-id') ?? ''),
      quietReqLogger: true,
      // Probes and scrapes every few seconds would bury the requests that matter.
      autoLogging: { ignore: (request) => /^\/(health|metrics)(\/|\?|$)/.test(request.url ?? '') },
      // A client's 4xx is the caller's concern, not the operator's: it stays at info with the rest.
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (request: SerializedRequest) => ({
          id: request.id,
          method: request.method,
          url: (request.url ?? '').split('?')[0],
          query: request.query,
          headers: request.headers,
        }),
      },
    },
  };
}
