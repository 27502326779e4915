import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SEGMENT_ROLES } from '../campaigns.constants';
import { EditSegmentDto, SegmentView } from './dto/segment.dto';
import { SegmentService } from './segment.service';

/** Changing a segment after it was defined: optimistic concurrency on its version, archive instead of delete. */
@ApiTags('segments')
@ApiBearerAuth()
@Controller('segments')
@Roles(...SEGMENT_ROLES)
export class SegmentEditingController {
  constructor(private readonly segments: SegmentService) {}

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename a segment or replace its rule, from the version you read',
    description:
      'Send the version you read; if someone changed the segment since, the answer is 409 with currentVersion. ' +
      'A bad rule is 400 naming its path; a static segment has no rule; an archived segment cannot change.',
  })
  @ApiOkResponse({ type: SegmentView })
  @ApiConflictResponse({ description: 'The segment changed since that version, or it is archived' })
  edit(@Param('id', UuidPipe) id: string, @Body() body: EditSegmentDto): Promise<SegmentView> {
    return this.segments.edit(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Archive a segment: it leaves the list and can no longer change, but stays readable',
  })
  @ApiNoContentResponse({ description: 'Archived (archiving again changes nothing)' })
  archive(@Param('id', UuidPipe) id: string): Promise<void> {
    return this.segments.archive(id);
  }
}
