import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SalesPartnerScopes } from '../partner-scopes';
import { SALES_ROLES } from '../sales.constants';
import { IssueQuoteDto, ListQuotesQuery, QuotePageView, QuoteView } from './dto/quote.dto';
import { QuoteStep } from './quote';
import { QuoteIssuingService } from './quote-issuing.service';
import { QuotePdfRenderer } from './quote-pdf.renderer';
import { QuoteQueryService } from './quote-query.service';
import { QuoteStatusService } from './quote-status.service';

@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
@Roles(...SALES_ROLES)
export class QuoteController {
  constructor(
    private readonly issuing: QuoteIssuingService,
    private readonly queries: QuoteQueryService,
    private readonly statuses: QuoteStatusService,
    private readonly pdf: QuotePdfRenderer,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Quote an opportunity's line items as a draft: a new number for its first quote, the next version after that",
  })
  @ApiCreatedResponse({ type: QuoteView })
  issue(@CurrentPrincipal() principal: Principal, @Body() body: IssueQuoteDto): Promise<QuoteView> {
    return this.issuing.issue(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'Quotes of the opportunities the caller sees, newest first' })
  @ApiOkResponse({ type: QuotePageView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListQuotesQuery,
  ): Promise<QuotePageView> {
    return { items: await this.queries.list(principal, query), limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @PartnerScoped(SalesPartnerScopes.quote)
  @ApiOperation({ summary: 'A quote with its lines' })
  @ApiOkResponse({ type: QuoteView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<QuoteView> {
    return this.queries.get(principal, id);
  }

  @Get(':id/pdf')
  @PartnerScoped(SalesPartnerScopes.quote)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The quote as a PDF, Chinese text included' })
  @ApiOkResponse({
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async pdfOf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<StreamableFile> {
    const quote = await this.queries.get(principal, id);
    return new StreamableFile(await this.pdf.render(quote), {
      type: 'application/pdf',
      disposition: `inline; filename="${quote.number}-v${quote.version}.pdf"`,
    });
  }

  @Post(':id/send')
  @HttpCode(200)
  @PartnerScoped(SalesPartnerScopes.quote)
  @ApiOperation({ summary: 'Mark a draft as sent to the customer; 409 from any other status' })
  @ApiOkResponse({ type: QuoteView })
  send(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<QuoteView> {
    return this.step(principal, id, 'send');
  }

  @Post(':id/accept')
  @HttpCode(200)
  @PartnerScoped(SalesPartnerScopes.quote)
  @ApiOperation({ summary: 'The customer accepted a sent quote; 409 when expired or not sent' })
  @ApiOkResponse({ type: QuoteView })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<QuoteView> {
    return this.step(principal, id, 'accept');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @PartnerScoped(SalesPartnerScopes.quote)
  @ApiOperation({ summary: 'The customer rejected a sent quote; 409 when expired or not sent' })
  @ApiOkResponse({ type: QuoteView })
  reject(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<QuoteView> {
    return this.step(principal, id, 'reject');
  }

  private step(principal: Principal, id: string, step: QuoteStep): Promise<QuoteView> {
    return this.statuses.step(principal, id, step);
  }
}
