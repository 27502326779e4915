import {
  CallHandler,
  DynamicModule,
  ExecutionContext,
  Injectable,
  Module,
  NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '@crm/config';
import { Clock } from '@crm/core';
import { PLATFORM_CONFIG } from '../platform.module';
import { ReadAuditRetention, ReadAuditRetentionLoop } from './read-audit-retention';

/** `GET /customers/:id/360` (the route as declared) → what was read, e.g. `customer.360`. */
export type ReadAuditRules = Record<string, string>;

export interface ReadAuditOptions {
  schema: string;
  rules: ReadAuditRules;
  /**
   * Commit each audit row without waiting for its WAL flush (synchronous_commit off for that one statement): the
   * row is still written before the answer leaves, but a database crash may lose the last moments of rows. Saves
   * a disk flush per audited read on hot list routes (ADR 0023).
   */
  asynchronousCommit?: boolean;
}

const AUDIT_COLUMNS = `(actor_id, roles, partner_id, action, entity_id, result_ids, correlation_id)`;

/** The insert of one audit row; with `asynchronousCommit` it turns the flush wait off for its own transaction. */
function insertSql(options: ReadAuditOptions): string {
  const table = `${options.schema}.read_audit ${AUDIT_COLUMNS}`;
  return options.asynchronousCommit
    ? `WITH no_flush_wait AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO ${table} SELECT $1, $2, $3, $4, $5, $6, $7 FROM no_flush_wait`
    : `INSERT INTO ${table} VALUES ($1, $2, $3, $4, $5, $6, $7)`;
}

/** Each service's migration creates `<schema>.read_audit` (actor, roles, partner, action, entity, result ids, when). */
interface AuditedRequest {
  method: string;
  route?: { path: string };
  params?: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  principal?: { subject: string; roles: string[]; partnerId?: string };
}

const MAX_RESULT_IDS = 200;

/** The ids of the records a list answer showed (its items' customer or own ids). */
function resultIds(body: unknown): string[] {
  const items = (body as { items?: unknown[] } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items
    .map((item) => {
      const record = item as { customerId?: unknown; id?: unknown; ticketId?: unknown };
      return record.customerId ?? record.ticketId ?? record.id;
    })
    .filter((id): id is string => typeof id === 'string')
    .slice(0, MAX_RESULT_IDS);
}

/**
 * Who read which personal data, when: a row per successful read on an audited route, written before the answer
 * leaves (no audit row, no answer).
 */
@Injectable()
class ReadAuditInterceptor implements NestInterceptor {
  private readonly insert: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ReadAuditOptions,
  ) {
    this.insert = insertSql(options);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const action = request.route ? this.options.rules[`${request.method} ${request.route.path}`] : undefined;
    if (!action) return next.handle();
    return next.handle().pipe(switchMap((body) => from(this.record(request, action, body).then(() => body))));
  }

  private async record(request: AuditedRequest, action: string, body: unknown): Promise<void> {
    const principal = request.principal;
    const correlation = request.headers['x-correlation-id'];
    await this.dataSource.query(this.insert, [
      principal?.subject ?? 'anonymous',
      principal?.roles ?? [],
      principal?.partnerId ?? null,
      action,
      request.params?.id ?? null,
      resultIds(body),
      typeof correlation === 'string' ? correlation : null,
    ]);
  }
}

/**
 * Audits reads of personal data on the routes named in `rules` (GDPR Art. 30, PIPL Art. 55) and deletes the
 * audit rows older than READ_AUDIT_RETENTION_DAYS.
 */
@Module({})
export class ReadAuditModule {
  static forService(options: ReadAuditOptions): DynamicModule {
    return {
      module: ReadAuditModule,
      providers: [
        {
          provide: APP_INTERCEPTOR,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new ReadAuditInterceptor(dataSource, options),
        },
        {
          provide: ReadAuditRetention,
          inject: [DataSource, PLATFORM_CONFIG, Clock],
          useFactory: (dataSource: DataSource, config: PlatformConfig, clock: Clock) =>
            new ReadAuditRetention(dataSource, options.schema, config.READ_AUDIT_RETENTION_DAYS, clock),
        },
        ReadAuditRetentionLoop,
      ],
    };
  }
}
