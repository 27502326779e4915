import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: string[];
  gzipBytes: number;
}

/**
 * The JS index.html makes the browser load before anything renders: its module entry scripts and its
 * modulepreload links (Vite's eager chunks), each gzipped at zlib's default level as a server would send it.
 */
export function initialJs(dist: string): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const eager = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1].replace(/^\/console\//, ''));
  const files = [...new Set(eager)];
  if (files.length === 0) throw new Error(`${dist}/index.html loads no module script`);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  return { files, gzipBytes };
}
