import { Body, Controller, Get, INestApplication, Module, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { IsOptional, IsString, Max, Min, IsInt, IsNumber } from 'class-validator';
import { Request } from 'express';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { IsCalendarDate, IsDateTime, PageQuery, QueryNumber } from '@crm/http';
import { configureHttpApp } from '@crm/platform';

class NoteDto {
  @IsOptional()
  @IsString()
  text?: string;

  @IsOptional()
  @IsCalendarDate()
  day?: string;

  @IsOptional()
  @IsDateTime()
  at?: string;

  @IsOptional()
  extra?: Record<string, unknown>;
}

class PointQuery extends PageQuery {
  @QueryNumber()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @IsOptional()
  @QueryNumber()
  @IsInt()
  radius?: number;
}

@Controller()
class ProbeController {
  @Post('notes/:id')
  note(@Param('id') id: string, @Body() body: NoteDto) {
    return { id, body };
  }

  @Get('points')
  points(@Query() query: PointQuery) {
    return query;
  }

  @Post('uploads')
  @ApiConsumes('text/csv')
  upload(@Req() req: Request) {
    return { type: req.headers['content-type'] };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** The shared HTTP conventions (configureHttpApp) on a probe app: bad input of every kind is a 4xx problem. */
describe('bad input gives a 4xx problem+json naming the field', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bodyParser: false, logger: false }), {
      title: 'probe',
      description: 'probe',
    });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  const fields = (body: { errors?: { field: string }[] }) => [
    ...new Set((body.errors ?? []).map((error) => error.field)),
  ];

  function expectProblem(response: request.Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  }

  it('refuses a NUL or a lone surrogate in a body value or key, at any depth', async () => {
    const nul = await http().post('/notes/1').send({ text: 'a\u0000b' });
    expectProblem(nul, 400);
    expect(fields(nul.body)).toEqual(['text']);
    const key = await http()
      .post('/notes/1')
      .send({ extra: { deeper: { 'k\ud800': 1 } } });
    expectProblem(key, 400);
    expect(fields(key.body)).toEqual(['extra.deeper.k\\ud800']);
  });

  it('refuses a NUL in a query value or a path parameter', async () => {
    const query = await http().get('/points?lat=1&radius=%00');
    expectProblem(query, 400);
    expect(fields(query.body)).toEqual(['radius']);
    const path = await http().post('/notes/a%00b').send({});
    expectProblem(path, 400);
    expect(fields(path.body)).toEqual(['id']);
  });

  it('refuses days the calendar does not have, and impossible instants', async () => {
    for (const day of ['2023-02-29', '2023-02-31']) {
      const response = await http().post('/notes/1').send({ day });
      expectProblem(response, 400);
      expect(fields(response.body)).toEqual(['day']);
    }
    const at = await http().post('/notes/1').send({ at: '2023-02-29T10:00:00Z' });
    expect(fields(at.body)).toEqual(['at']);
    await http().post('/notes/1').send({ day: '2024-02-29', at: '2024-02-29T10:00:00+08:00' }).expect(201);
  });

  it('refuses an empty numeric query value instead of reading 0', async () => {
    const lat = await http().get('/points?lat=');
    expectProblem(lat, 400);
    expect(fields(lat.body)).toEqual(['lat']);
    const offset = await http().get('/points?lat=1&offset=');
    expect(fields(offset.body)).toEqual(['offset']);
    await http().get('/points?lat=1&offset=0').expect(200, { limit: 20, offset: 0, lat: 1 });
  });

  it('refuses deep nesting before parsing it', async () => {
    const response = await http()
      .post('/notes/1')
      .set('content-type', 'application/json')
      .send('{"extra":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}');
    expectProblem(response, 400);
    expect(response.body.detail).toMatch(/deeper than 32/);
  });

  it('answers malformed JSON with 400 and a body over the limit with 413', async () => {
    expectProblem(
      await http().post('/notes/1').set('content-type', 'application/json').send('{"text": '),
      400,
    );
    expectProblem(
      await http()
        .post('/notes/1')
        .send({ text: 'x'.repeat(1_100_000) }),
      413,
    );
  });

  it('answers a body in a media type the route does not take with 415', async () => {
    expectProblem(await http().post('/notes/1').set('content-type', 'text/plain').send('{"text":"a"}'), 415);
    expectProblem(await http().post('/notes/1').set('content-type', 'application/xml').send('<a/>'), 415);
    expectProblem(await http().post('/notes/1').type('form').send({ text: 'a' }), 415);
    expectProblem(await http().post('/uploads').send({ text: 'a' }), 415);
    await http().post('/uploads').set('content-type', 'text/csv').send('a,b\n1,2\n').expect(201);
    await http().post('/notes/1').expect(201);
  });

  it('answers an over-long header with 431 problem+json', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const response = await new Promise<{ status?: number; type?: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/points?lat=1', headers: { 'x-padding': 'x'.repeat(64 * 1024) } },
          (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(response.status).toBe(431);
    expect(response.type).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({
      status: 431,
      title: 'Request Header Fields Too Large',
    });
  });
});
