import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { toMoney } from '../opportunities/dto/money.dto';
import { SalesPartnerScopes } from '../partner-scopes';
import { CATALOG_EDITOR_ROLES, CATALOG_READER_ROLES } from './catalog-roles';
import { CatalogEditingService } from './catalog-editing.service';
import { CatalogQueryService } from './catalog-query.service';
import {
  AddFaqDto,
  AddModelDto,
  AddPriceDto,
  AddSellingPointDto,
  AddTrimDto,
  CatalogHitPageView,
  CatalogSearchQuery,
  ModelDetailView,
  ModelListView,
  ModelView,
  NoteView,
  PriceQuery,
  PriceView,
  TrimDetailView,
  TrimView,
} from './dto/catalog.dto';
import { PriceListService } from './price-list.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
@Roles(...CATALOG_READER_ROLES)
export class CatalogController {
  constructor(
    private readonly queries: CatalogQueryService,
    private readonly editing: CatalogEditingService,
    private readonly priceLists: PriceListService,
  ) {}

  @Get('models')
  @ApiOperation({ summary: 'Every model in the catalog' })
  @ApiOkResponse({ type: ModelListView })
  async models(): Promise<ModelListView> {
    return { items: await this.queries.listModels() };
  }

  @Post('models')
  @Roles(...CATALOG_EDITOR_ROLES)
  @ApiOperation({ summary: 'Add a model (admin); 409 when its code is taken' })
  @ApiCreatedResponse({ type: ModelView })
  addModel(@Body() body: AddModelDto): Promise<ModelView> {
    return this.editing.addModel({ ...body, description: body.description ?? null });
  }

  @Get('models/:id')
  @PartnerScoped(SalesPartnerScopes.catalog)
  @ApiOperation({ summary: 'A model with its trims, selling points and FAQs' })
  @ApiOkResponse({ type: ModelDetailView })
  model(@Param('id', UuidPipe) id: string): Promise<ModelDetailView> {
    return this.queries.model(id);
  }

  @Post('models/:id/trims')
  @Roles(...CATALOG_EDITOR_ROLES)
  @ApiOperation({ summary: 'Add a trim with its specs to a model (admin); 409 when its code is taken' })
  @ApiCreatedResponse({ type: TrimView })
  addTrim(@Param('id', UuidPipe) modelId: string, @Body() body: AddTrimDto): Promise<TrimView> {
    return this.editing.addTrim(modelId, {
      ...body,
      engine: body.engine ?? null,
      rangeKm: body.rangeKm ?? null,
      specs: body.specs ?? {},
    });
  }

  @Post('models/:id/selling-points')
  @Roles(...CATALOG_EDITOR_ROLES)
  @ApiOperation({ summary: 'Add a short selling point to a model or one of its trims (admin)' })
  @ApiCreatedResponse({ type: NoteView })
  addSellingPoint(
    @Param('id', UuidPipe) modelId: string,
    @Body() body: AddSellingPointDto,
  ): Promise<NoteView> {
    return this.editing.addNote(modelId, {
      kind: 'selling_point',
      title: body.text,
      body: null,
      trimId: body.trimId ?? null,
    });
  }

  @Post('models/:id/faqs')
  @Roles(...CATALOG_EDITOR_ROLES)
  @ApiOperation({ summary: 'Add a question and its answer to a model or one of its trims (admin)' })
  @ApiCreatedResponse({ type: NoteView })
  addFaq(@Param('id', UuidPipe) modelId: string, @Body() body: AddFaqDto): Promise<NoteView> {
    return this.editing.addNote(modelId, {
      kind: 'faq',
      title: body.question,
      body: body.answer,
      trimId: body.trimId ?? null,
    });
  }

  @Get('trims/:id')
  @PartnerScoped(SalesPartnerScopes.catalog)
  @ApiOperation({ summary: 'A trim with its specs and every regional price' })
  @ApiOkResponse({ type: TrimDetailView })
  trim(@Param('id', UuidPipe) id: string): Promise<TrimDetailView> {
    return this.queries.trim(id);
  }

  @Post('trims/:id/prices')
  @Roles(...CATALOG_EDITOR_ROLES)
  @ApiOperation({
    summary:
      'Add a regional price with its validity (admin); 409 when it overlaps another price of the region',
  })
  @ApiCreatedResponse({ type: PriceView })
  addPrice(@Param('id', UuidPipe) trimId: string, @Body() body: AddPriceDto): Promise<PriceView> {
    return this.priceLists.addPrice(trimId, {
      region: body.region,
      price: toMoney(body.price),
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
    });
  }

  @Get('trims/:id/price')
  @PartnerScoped(SalesPartnerScopes.catalog)
  @ApiOperation({ summary: 'The price of a trim in a region on a day (today unless told); 404 without one' })
  @ApiOkResponse({ type: PriceView })
  price(@Param('id', UuidPipe) trimId: string, @Query() query: PriceQuery): Promise<PriceView> {
    return this.queries.priceOn(trimId, query.region, query.date);
  }

  @Get('search')
  @ApiOperation({
    summary: 'Full-text search over model and trim names, selling points and FAQs, in Chinese and English',
  })
  @ApiOkResponse({ type: CatalogHitPageView })
  async search(@Query() query: CatalogSearchQuery): Promise<CatalogHitPageView> {
    return {
      items: await this.queries.search(query.q, query.limit, query.offset),
      limit: query.limit,
      offset: query.offset,
    };
  }
}
