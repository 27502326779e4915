import { mkdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (real PostgreSQL compiled to WebAssembly) served over the Postgres wire protocol on
 * loopback, so the embedded default uses the same pg driver, SQL and migrations as production.
 * PGlite is a single session: callers must use a pool of exactly one connection.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { cube } = await import('@electric-sql/pglite/contrib/cube');
  const { earthdistance } = await import('@electric-sql/pglite/contrib/earthdistance');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm, cube, earthdistance } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  new Logger('EmbeddedPostgres').log(
    `PGlite ${dataDir ? `in ${dataDir}` : 'in memory'} on 127.0.0.1:${port}`,
  );
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
