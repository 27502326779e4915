import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { PageQuery, UuidPipe } from '@crm/http';
import { SEGMENT_ROLES } from '../campaigns.constants';
import {
  CreateSegmentDto,
  SegmentCountView,
  SegmentListView,
  SegmentPreviewView,
  SegmentView,
} from './dto/segment.dto';
import { SegmentService } from './segment.service';

@ApiTags('segments')
@ApiBearerAuth()
@Controller('segments')
@Roles(...SEGMENT_ROLES)
export class SegmentController {
  constructor(private readonly segments: SegmentService) {}

  @Post()
  @ApiOperation({
    summary:
      'Define a segment: a named rule tree over the customer replica; a bad rule is 400 naming its path',
  })
  @ApiCreatedResponse({ type: SegmentView })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSegmentDto): Promise<SegmentView> {
    return this.segments.create({ name: body.name, rule: body.rule, createdBy: principal.subject });
  }

  @Get()
  @ApiOperation({ summary: 'Segments, newest first' })
  @ApiOkResponse({ type: SegmentListView })
  async list(@Query() query: PageQuery): Promise<SegmentListView> {
    return {
      items: await this.segments.list(query.limit, query.offset),
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A segment and its rule' })
  @ApiOkResponse({ type: SegmentView })
  get(@Param('id', UuidPipe) id: string): Promise<SegmentView> {
    return this.segments.get(id);
  }

  @Get(':id/count')
  @ApiOperation({ summary: 'How many customers match the segment now' })
  @ApiOkResponse({ type: SegmentCountView })
  async count(@Param('id', UuidPipe) id: string): Promise<SegmentCountView> {
    return { segmentId: id, count: await this.segments.count(id) };
  }

  @Get(':id/preview')
  @ApiOperation({ summary: 'A page of the customers matching the segment now, by name' })
  @ApiOkResponse({ type: SegmentPreviewView })
  async preview(@Param('id', UuidPipe) id: string, @Query() query: PageQuery): Promise<SegmentPreviewView> {
    const items = await this.segments.preview(id, query.limit, query.offset);
    return { segmentId: id, items, limit: query.limit, offset: query.offset };
  }
}
