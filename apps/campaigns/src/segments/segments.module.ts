import { Module } from '@nestjs/common';
import { SegmentController } from './segment.controller';
import { SegmentRepository } from './segment.repository';
import { SegmentService } from './segment.service';

/** Segments: rule trees over the customer replica, counted and previewed live. */
@Module({
  controllers: [SegmentController],
  providers: [SegmentRepository, SegmentService],
  exports: [SegmentService],
})
export class SegmentsModule {}
