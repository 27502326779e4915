import { applyDecorators, Get, HttpCode, Post, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RotatedClientSecretDto } from './dto/partner-client.dto';

/** How one kind of API client is documented: its words and its DTOs. */
export interface ApiClientRouteDocs {
  /** As the enable, disable and rotate summaries name it: `partner client`. */
  noun: string;
  registerSummary: string;
  listSummary: string;
  notFound: string;
  issued: Type<unknown>;
  client: Type<unknown>;
  page: Type<unknown>;
}

/**
 * The five admin routes partner and system clients share (ADR 0054), as decorators: the same paths and status
 * codes for both kinds, each documented in its own words.
 */
export function apiClientRoutes(docs: ApiClientRouteDocs) {
  const setActive = (path: string, summary: string) =>
    applyDecorators(
      Post(path),
      HttpCode(200),
      ApiOperation({ summary }),
      ApiOkResponse({ type: docs.client }),
      ApiNotFoundResponse({ description: docs.notFound }),
    );
  return {
    register: () =>
      applyDecorators(
        Post(),
        ApiOperation({ summary: docs.registerSummary }),
        ApiCreatedResponse({ type: docs.issued }),
      ),
    list: () =>
      applyDecorators(Get(), ApiOperation({ summary: docs.listSummary }), ApiOkResponse({ type: docs.page })),
    disable: () =>
      setActive(
        ':clientId/disable',
        `Disable a ${docs.noun}: no new tokens; issued ones expire within the token lifetime`,
      ),
    enable: () => setActive(':clientId/enable', `Enable a disabled ${docs.noun} again`),
    rotateSecret: () =>
      applyDecorators(
        Post(':clientId/secret'),
        HttpCode(200),
        ApiOperation({
          summary: `Rotate a ${docs.noun}’s secret; answers the new one once, the old stops working`,
        }),
        ApiOkResponse({ type: RotatedClientSecretDto }),
        ApiNotFoundResponse({ description: docs.notFound }),
      ),
  };
}
