import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { urlencoded } from 'express';
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

export interface HttpAppOptions {
  title: string;
  description: string;
  bodyLimit?: string;
}

/** The HTTP conventions every service shares: limits, context, validation, problem+json, OpenAPI at /docs. */
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
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
