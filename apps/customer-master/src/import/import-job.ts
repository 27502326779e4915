export type ImportJobStatus = 'running' | 'completed' | 'failed';

export interface Rejection {
  /** Line number in the file where the row ends; the header is line 1. */
  row: number;
  externalId: string | null;
  field: string;
  reason: string;
}

export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  fileName: string;
  totalRows: number;
  created: number;
  duplicates: number;
  /** Duplicate rows whose new vehicle was attached to the existing customer (counted in duplicates too). */
  vehiclesAttached: number;
  rejected: number;
  rejections: Rejection[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  createdBy: string;
}

/**
 * What happened to one row: a new customer, a duplicate of an existing one (in the database or
 * earlier in the file), a duplicate whose new vehicle went to the existing customer, or a rejection.
 */
export type RowOutcome =
  | { kind: 'created' }
  | { kind: 'duplicate' }
  | { kind: 'merged-into-existing' }
  | { kind: 'rejected'; rejection: Rejection };

/** The counts of one batch, added to the job in the batch's transaction. */
export class ImportTally {
  totalRows = 0;
  created = 0;
  duplicates = 0;
  vehiclesAttached = 0;
  readonly rejections: Rejection[] = [];

  add(outcome: RowOutcome): void {
    this.totalRows += 1;
    if (outcome.kind === 'created') this.created += 1;
    if (outcome.kind === 'duplicate' || outcome.kind === 'merged-into-existing') this.duplicates += 1;
    if (outcome.kind === 'merged-into-existing') this.vehiclesAttached += 1;
    if (outcome.kind === 'rejected') this.rejections.push(outcome.rejection);
  }
}
