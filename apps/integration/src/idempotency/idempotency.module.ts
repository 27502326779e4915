import { Module } from '@nestjs/common';
import { IdempotentRequestRepository } from './idempotent-request.repository';
import { IdempotentRequests } from './idempotent-requests';

/** Requests made safe to send twice by an `Idempotency-Key` header. */
@Module({
  providers: [IdempotentRequestRepository, IdempotentRequests],
  exports: [IdempotentRequests],
})
export class IdempotencyModule {}
