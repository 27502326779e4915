import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CATALOG_EDITOR_ROLES } from './catalog-roles';
import { CatalogChangeService } from './catalog-change.service';
import {
  ChangeFaqDto,
  ChangeModelDto,
  ChangePriceDto,
  ChangeSellingPointDto,
  ChangeTrimDto,
  sentFields,
} from './dto/catalog-change.dto';
import { ModelView, NoteView, PriceView, TrimView } from './dto/catalog.dto';
import { PriceListService } from './price-list.service';

/** Changes after the fact (admin): edits, retirements and price end dates; codes never change. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
@Roles(...CATALOG_EDITOR_ROLES)
export class CatalogChangeController {
  constructor(
    private readonly changes: CatalogChangeService,
    private readonly priceLists: PriceListService,
  ) {}

  @Patch('models/:id')
  @ApiOperation({ summary: "Change a model's name or description (admin); the fields sent, no others" })
  @ApiOkResponse({ type: ModelView })
  changeModel(@Param('id', UuidPipe) id: string, @Body() body: ChangeModelDto): Promise<ModelView> {
    return this.changes.changeModel(id, sentFields(body));
  }

  @Post('models/:id/retire')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Retire a model and its trims from sale (admin): no new line items or quotes; still shown where used. Idempotent',
  })
  @ApiOkResponse({ type: ModelView })
  retireModel(@Param('id', UuidPipe) id: string): Promise<ModelView> {
    return this.changes.retireModel(id);
  }

  @Patch('trims/:id')
  @ApiOperation({ summary: "Change a trim's name, powertrain or specs (admin); the fields sent, no others" })
  @ApiOkResponse({ type: TrimView })
  changeTrim(@Param('id', UuidPipe) id: string, @Body() body: ChangeTrimDto): Promise<TrimView> {
    return this.changes.changeTrim(id, sentFields(body));
  }

  @Post('trims/:id/retire')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Retire a trim from sale (admin): no new line items or quotes; still shown where used. Idempotent',
  })
  @ApiOkResponse({ type: TrimView })
  retireTrim(@Param('id', UuidPipe) id: string): Promise<TrimView> {
    return this.changes.retireTrim(id);
  }

  @Patch('selling-points/:id')
  @ApiOperation({ summary: 'Change a selling point, or which trim of its model it is about (admin)' })
  @ApiOkResponse({ type: NoteView })
  changeSellingPoint(
    @Param('id', UuidPipe) id: string,
    @Body() body: ChangeSellingPointDto,
  ): Promise<NoteView> {
    const { text, trimId } = sentFields(body);
    return this.changes.changeNote('selling_point', id, sentFields({ title: text, trimId }));
  }

  @Patch('faqs/:id')
  @ApiOperation({
    summary: "Change an FAQ's question or answer, or which trim of its model it is about (admin)",
  })
  @ApiOkResponse({ type: NoteView })
  changeFaq(@Param('id', UuidPipe) id: string, @Body() body: ChangeFaqDto): Promise<NoteView> {
    const { question, answer, trimId } = sentFields(body);
    return this.changes.changeNote('faq', id, sentFields({ title: question, body: answer, trimId }));
  }

  @Patch('prices/:id')
  @ApiOperation({
    summary:
      'End a price on a day after the fact, or open its end again (admin); 409 when it would overlap another price of the region, 400 before validFrom',
  })
  @ApiOkResponse({ type: PriceView })
  changePrice(@Param('id', UuidPipe) id: string, @Body() body: ChangePriceDto): Promise<PriceView> {
    return this.priceLists.changeValidTo(id, body.validTo);
  }
}
