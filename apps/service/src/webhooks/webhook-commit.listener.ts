import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { WebhookDispatcher } from './webhook-dispatcher';

const WROTE_WEBHOOK = 'crm:wrote-webhook';

/** Flags the transaction so its commit wakes the dispatcher, whichever code path (request or consumer) ran it. */
export function markWebhookWritten(tx: EntityManager): void {
  if (tx.queryRunner) tx.queryRunner.data[WROTE_WEBHOOK] = true;
}

/** Wakes the dispatcher the moment a transaction that wrote a delivery commits, not at the next poll. */
@Injectable()
export class WebhookCommitListener implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!event.queryRunner.data[WROTE_WEBHOOK]) return;
    delete event.queryRunner.data[WROTE_WEBHOOK];
    this.dispatcher.wake();
  }
}
