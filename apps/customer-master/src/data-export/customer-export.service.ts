import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError, NotFoundError } from '@crm/core';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { CustomerRepository } from '../customers/customer.repository';
import { CustomerMasterDataRepository } from './customer-data.repository';
import { EXPORT_SOURCES, ExportSource } from './export-sources';

const PART_TIMEOUT_MS = 5_000;

export class ExportPartUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = 'Export incomplete';
  constructor(source: string, reason: string) {
    super(`the ${source} service did not give its part of the export (${reason}); nothing was exported`);
  }
}

export interface CustomerExport {
  customerId: string;
  exportedAt: string;
  parts: Array<{ source: string; tables: Record<string, unknown[]> }>;
}

/** A person's data from every service (ADR 0013): this service's rows plus each source's part, or a clear failure. */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly data: CustomerMasterDataRepository,
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
    @Inject(EXPORT_SOURCES) private readonly sources: ExportSource[],
    private readonly clock: Clock,
  ) {}

  async export(customerId: string, authorization: string): Promise<CustomerExport> {
    if (!(await this.customers.findById(customerId))) throw new NotFoundError('customer', customerId);
    const parts = [{ source: 'customer-master', tables: await this.data.export(customerId) }];
    for (const source of this.sources) parts.push(await this.part(source, customerId, authorization));
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, { action: 'customer.exported', entityType: 'customer', entityId: customerId }),
    );
    return { customerId, exportedAt: this.clock.now().toISOString(), parts };
  }

  private async part(source: ExportSource, customerId: string, authorization: string) {
    let response: Response;
    try {
      response = await fetch(`${source.url}/privacy/${source.name}/customers/${customerId}/export`, {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(PART_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ExportPartUnavailableError(
        source.name,
        (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable',
      );
    }
    if (!response.ok) throw new ExportPartUnavailableError(source.name, `HTTP ${response.status}`);
    const body = (await response.json()) as { tables: Record<string, unknown[]> };
    return { source: source.name, tables: body.tables };
  }
}
