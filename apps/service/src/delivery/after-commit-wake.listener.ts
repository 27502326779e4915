import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

export interface Wakeable {
  wake(): void;
}

const TO_WAKE = 'crm:wake-after-commit';

/** Asks for `target` to be woken once the transaction commits, whichever code path (request or consumer) ran it. */
export function wakeAfterCommit(tx: EntityManager, target: Wakeable): void {
  if (!tx.queryRunner) return;
  const targets: Set<Wakeable> = (tx.queryRunner.data[TO_WAKE] ??= new Set<Wakeable>());
  targets.add(target);
}

/** Wakes a dispatcher the moment a transaction that wrote to its outbox commits, not at its next poll. */
@Injectable()
export class AfterCommitWakeListener implements EntitySubscriberInterface, OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const targets: Set<Wakeable> | undefined = event.queryRunner.data[TO_WAKE];
    delete event.queryRunner.data[TO_WAKE];
    targets?.forEach((target) => target.wake());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete event.queryRunner.data[TO_WAKE];
  }
}
