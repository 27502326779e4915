import { applyDecorators, Get, HttpCode, Param, Post, Query, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Page, PageQuery } from '@crm/http';
import { RotatedClientSecretDto } from './dto/partner-client.dto';
import { ApiClient } from './partner-client';

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

/** What a kind's service answers on the routes both kinds share. */
export interface ApiClientsOfKind {
  list(limit: number, offset: number): Promise<Page<ApiClient>>;
  setActive(clientId: string, active: boolean): Promise<ApiClient>;
  rotateSecret(clientId: string): Promise<{ clientId: string; clientSecret: string }>;
}

/**
 * The admin routes partner and system clients share (ADR 0054), each documented in the kind's words: a kind's
 * controller extends this class and adds its `create`, decorated with `register()`, as only its body differs.
 */
export function ApiClientAdminRoutes(docs: ApiClientRouteDocs) {
  const setActive = (path: string, summary: string) =>
    applyDecorators(
      Post(path),
      HttpCode(200),
      ApiOperation({ summary }),
      ApiOkResponse({ type: docs.client }),
      ApiNotFoundResponse({ description: docs.notFound }),
    );

  abstract class AdminRoutes {
    static register = () =>
      applyDecorators(
        Post(),
        ApiOperation({ summary: docs.registerSummary }),
        ApiCreatedResponse({ type: docs.issued }),
      );

    protected abstract readonly clients: ApiClientsOfKind;

    @Get()
    @ApiOperation({ summary: docs.listSummary })
    @ApiOkResponse({ type: docs.page })
    list(@Query() query: PageQuery) {
      return this.clients.list(query.limit, query.offset);
    }

    @setActive(
      ':clientId/disable',
      `Disable a ${docs.noun}: no new tokens; issued ones expire within the token lifetime`,
    )
    disable(@Param('clientId') clientId: string) {
      return this.clients.setActive(clientId, false);
    }

    @setActive(':clientId/enable', `Enable a disabled ${docs.noun} again`)
    enable(@Param('clientId') clientId: string) {
      return this.clients.setActive(clientId, true);
    }

    @Post(':clientId/secret')
    @HttpCode(200)
    @ApiOperation({
      summary: `Rotate a ${docs.noun}’s secret; answers the new one once, the old stops working`,
    })
    @ApiOkResponse({ type: RotatedClientSecretDto })
    @ApiNotFoundResponse({ description: docs.notFound })
    rotateSecret(@Param('clientId') clientId: string) {
      return this.clients.rotateSecret(clientId);
    }
  }
  return AdminRoutes;
}
