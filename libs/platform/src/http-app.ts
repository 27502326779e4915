import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { Request, Response, urlencoded } from 'express';
import {
  answerClientErrorsWithProblems,
  createValidationPipe,
  jsonBodyParser,
  MediaTypeInterceptor,
  ProblemDetailsFilter,
  SafeTextPipe,
  safeTextMiddleware,
} from '@crm/http';
import { httpMetricsMiddleware, requestContextMiddleware } from '@crm/observability';
import { createApiDocument } from './openapi';

export interface HttpAppOptions {
  title: string;
  description: string;
  bodyLimit?: string;
}

/** The HTTP conventions every service shares: limits, context, validation, problem+json, OpenAPI at /docs (JSON at /docs-json). */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): INestApplication {
  answerClientErrorsWithProblems(app.getHttpServer());
  app.use(jsonBodyParser({ limit: options.bodyLimit ?? '1mb' }));
  app.use(urlencoded({ extended: false, limit: '100kb' }));
  app.use(safeTextMiddleware);
  app.use(requestContextMiddleware);
  app.use(httpMetricsMiddleware);
  app.useGlobalInterceptors(new MediaTypeInterceptor());
  app.useGlobalPipes(new SafeTextPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = createApiDocument(app, options);
  // /docs-json is where most tools look first; /docs/openapi.json stays for existing clients.
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  app.getHttpAdapter().get('/docs-json', (_request: Request, response: Response) => response.json(document));
  return app;
}
