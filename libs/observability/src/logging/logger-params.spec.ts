import { Writable } from 'node:stream';
import pino from 'pino';
import { SYSTEM_ACTOR } from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { Options } from 'pino-http';
import { loggerParams, pinoOptions } from './logger-params';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino(pinoOptions('probe', 'info'), stream), lines };
}

describe(pinoOptions.name, () => {
  it('redacts credentials and personal data in headers, bodies and queries', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: {
          headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=1', accept: 'application/json' },
          query: { q: '13912345678', page: '2' },
          body: {
            password: 'hunter2',
            secret: 'whsec_1',
            phone: '13912345678',
            email: 'wang.fang@example.cn',
            name: '王芳',
            idNumber: '110101199003071234',
            vin: 'LSVAU2187N2123456',
            customer: { phones: ['13912345678'], emails: ['a@b.cn'], name: 'Wang Fang' },
          },
        },
      },
      'request completed',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['eyJ.secret', 'sid=1', 'hunter2', 'whsec_1', '13912345678', 'wang.fang', '王芳']) {
      expect(line).not.toContain(secret);
    }
    for (const value of ['110101199003071234', 'LSVAU2187N2123456', 'Wang Fang', 'a@b.cn']) {
      expect(line).not.toContain(value);
    }
    expect(lines[0]).toMatchObject({
      req: {
        headers: { authorization: '[redacted]', accept: 'application/json' },
        query: { q: '[redacted]', page: '2' },
        body: { password: '[redacted]', vin: '[redacted]', customer: { name: '[redacted]' } },
      },
    });
  });

  it('writes one JSON object per line with the service, level, ISO time and message', () => {
    const { logger, lines } = capture();
    logger.warn('relay slow');
    expect(lines[0]).toMatchObject({ service: 'probe', level: 'warn', message: 'relay slow' });
    expect(new Date(String(lines[0].time)).toISOString()).toBe(lines[0].time);
  });

  it('keeps the stack trace of a logged error', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('broker gone') }, 'publish failed');
    expect(lines[0]).toMatchObject({ err: { message: 'broker gone' } });
    expect(String((lines[0].err as { stack: string }).stack)).toMatch(/\n\s+at /);
  });

  it('names the correlation id of the request or message being handled, and none outside one', () => {
    const { logger, lines } = capture();
    RequestContext.run({ correlationId: 'corr-1', causationId: null, actor: SYSTEM_ACTOR }, () =>
      logger.info('inside'),
    );
    logger.info('outside');
    expect(lines[0].correlationId).toBe('corr-1');
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('drops lines below the level', () => {
    const { logger, lines } = capture();
    logger.debug('chatty');
    expect(lines).toHaveLength(0);
  });
});

describe(loggerParams.name, () => {
  const http = loggerParams('probe', 'info').pinoHttp as Options;

  it('logs the path without its query string, whose values go through redaction as fields', () => {
    const request = { id: 'c-1', method: 'GET', url: '/lookup?q=13912345678', query: { q: '13912345678' } };
    expect(http.serializers?.req(request)).toMatchObject({ id: 'c-1', url: '/lookup', query: request.query });
  });

  it('writes no access line for probes and scrapes', () => {
    const ignore = (http.autoLogging as { ignore: (request: { url: string }) => boolean }).ignore;
    expect(['/health/ready', '/health/live', '/metrics'].map((url) => ignore({ url }))).toEqual([
      true,
      true,
      true,
    ]);
    expect(ignore({ url: '/healthy-customers' })).toBe(false);
  });
});
