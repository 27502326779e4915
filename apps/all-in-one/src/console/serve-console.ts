import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

/** The console's own prefix: the API owns the root namespace (/customers/{id} …), so client routes never shadow it. */
export const CONSOLE_PATH = '/console';

// antd writes its styles at run time (inline <style>), hence 'unsafe-inline' for styles only. pdf.js parses
// quote PDFs in a worker loaded from the console's own assets, never from a blob: or another origin.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; " +
  "frame-ancestors 'none'";

/**
 * Serves the web console's build (ADR 0040) at /console/ with its single-page fallback, and sends `/`
 * there. Answers false when the build is missing, so the API still starts without it.
 */
export function serveConsole(app: INestApplication, consoleDir: string): boolean {
  const dir = resolve(consoleDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    CONSOLE_PATH,
    express.static(dir, {
      index: false,
      // Vite names every asset by its content hash, so it never changes under its name.
      setHeaders: (response, path) => {
        if (path.includes(`${join(dir, 'assets')}`))
          response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use(CONSOLE_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.sendFile(index);
  });
  app
    .getHttpAdapter()
    .get('/', (_request: Request, response: Response) => response.redirect(302, `${CONSOLE_PATH}/`));
  return true;
}
