import { z } from 'zod';

/** A service that holds a part of a person's data and answers `GET {url}/privacy/{name}/customers/{id}/export`. */
export interface ExportSource {
  name: string;
  url: string;
}

export const EXPORT_SOURCES = Symbol('EXPORT_SOURCES');

/** `service=http://service:3000,call-center=http://call-center:3000`; empty means this service's part only. */
export const exportSourcesSchema = z
  .string()
  .default('')
  .transform((list, ctx) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .flatMap((item): ExportSource[] => {
        const match = /^([a-z][a-z-]*)=(https?:\/\/\S+)$/.exec(item);
        if (match) return [{ name: match[1], url: match[2].replace(/\/$/, '') }];
        ctx.addIssue({ code: 'custom', message: `"${item}" is not name=http(s)://host` });
        return [];
      }),
  );
