import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError, FieldError, RequestContext } from '@crm/core';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  /** Also sent as the Retry-After header. */
  retryAfterSeconds?: number;
  /** Also sent as the Location header: the resource the problem is about (e.g. the job already running). */
  location?: string;
  [extension: string]: unknown;
}

export class InvalidRequestException extends HttpException {
  constructor(readonly errors: FieldError[]) {
    super('Invalid request', HttpStatus.BAD_REQUEST);
  }
}

/** Every error leaves as RFC 9457 problem+json; unexpected ones are logged and never leak details. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(error), instance: request.originalUrl };
    problem.correlationId = RequestContext.current().correlationId;
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfterSeconds === 'number')
      response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    if (typeof problem.location === 'string') response.setHeader('Location', problem.location);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof InvalidRequestException)
      return badRequest('The request has invalid fields', error.errors);
    if (error instanceof DomainError) {
      return {
        type: typeUri(error.status),
        title: error.title,
        status: error.status,
        detail: error.message,
        ...error.extensions,
      };
    }
    if (isBodyParserError(error)) return bodyParserProblem(error);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { type: typeUri(status), title: STATUS_CODES[status] ?? 'Error', status, detail: error.message };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      type: typeUri(500),
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred',
    };
  }
}

export function typeUri(status: number): string {
  return `https://httpstatuses.io/${status}`;
}

function badRequest(detail: string, errors: FieldError[]): ProblemDetails {
  return { type: typeUri(400), title: 'Bad Request', status: 400, detail, errors };
}

interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' && error !== null && 'type' in error && 'status' in error && 'expose' in error
  );
}

function bodyParserProblem(error: BodyParserError): ProblemDetails {
  if (error.type === 'entity.too.large') {
    return {
      type: typeUri(413),
      title: 'Payload Too Large',
      status: 413,
      detail: 'The request body is too large',
    };
  }
  if (error.type === 'entity.too.deep')
    return badRequest(error.message, [{ field: 'body', message: error.message }]);
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return {
      type: typeUri(415),
      title: 'Unsupported Media Type',
      status: 415,
      detail: error.message,
    };
  }
  return badRequest('The request body is not valid JSON', [{ field: 'body', message: error.message }]);
}
