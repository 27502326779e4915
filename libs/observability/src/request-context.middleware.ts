import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';
import { RequestContext } from '@crm/core';

const CORRELATION_HEADER = 'x-correlation-id';

/** Starts the request's context: its correlation id (taken from the caller or new) and trace parent. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header(CORRELATION_HEADER);
  const correlationId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  response.setHeader(CORRELATION_HEADER, correlationId);
  const actor = { id: 'anonymous', kind: 'system' as const };
  RequestContext.run(
    { correlationId, causationId: null, actor, traceparent: request.header('traceparent') },
    next,
  );
}
