import { IncomingMessage, ServerResponse } from 'node:http';
import { json, RequestHandler } from 'express';

export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of objects and arrays in a JSON text, scanned byte by byte before parsing
 * (structural characters are ASCII, so UTF-8 needs no decoding); stops as soon as `limit` is passed.
 */
export function jsonDepth(text: Buffer, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return deepest;
}

/** Thrown from body-parser's verify hook; body-parser keeps its status and type. */
class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor(maxDepth: number) {
    super(`The JSON body nests deeper than ${maxDepth} levels`);
  }
}

export interface JsonBodyOptions {
  limit: string;
  maxDepth?: number;
}

/** Express's JSON parser, refusing nesting deeper than `maxDepth` before anything recurses over it. */
export function jsonBodyParser({ limit, maxDepth = MAX_JSON_DEPTH }: JsonBodyOptions): RequestHandler {
  return json({
    limit,
    verify: (_req: IncomingMessage, _res: ServerResponse, body: Buffer) => {
      if (jsonDepth(body, maxDepth) > maxDepth) throw new TooDeepError(maxDepth);
    },
  });
}
