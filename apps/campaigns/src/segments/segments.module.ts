import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { SegmentController } from './segment.controller';
import { SegmentEditingController } from './segment-editing.controller';
import { SegmentEvaluationController } from './segment-evaluation.controller';
import { SegmentRepository } from './segment.repository';
import { SegmentService } from './segment.service';
import { StaticListController } from './static-lists/static-list.controller';
import { StaticListEventsConsumer } from './static-lists/static-list-events.consumer';
import { StaticListImportService } from './static-lists/static-list-import.service';
import { StaticListRepository } from './static-lists/static-list.repository';

/**
 * Segments: rule trees over the replicas or static lists imported from a file, counted and previewed live.
 * Other concepts (campaigns) read a segment's members as SQL through SegmentService.selection.
 */
@Module({
  imports: [CampaignsMessaging],
  controllers: [
    SegmentController,
    SegmentEvaluationController,
    SegmentEditingController,
    StaticListController,
  ],
  providers: [
    SegmentRepository,
    SegmentService,
    StaticListRepository,
    StaticListImportService,
    StaticListEventsConsumer,
  ],
  exports: [SegmentService],
})
export class SegmentsModule {}
