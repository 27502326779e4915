import { randomUUID } from 'node:crypto';
import { CustomerRegistered, Role, Roles } from '@crm/contracts';
import { Clock } from '@crm/core';
import { eventually, AppHarness, AppHarnessOptions } from '@crm/testing';
import { SALES_API, SalesAppModule } from '../src';
import { assignmentRulesSchema } from '../src/leads/assignment/assignment-rules';
import { NextStepReminderLoop } from '../src/reminders/next-step-reminder.loop';

export interface SalesHarnessOptions extends AppHarnessOptions {
  /** SALES_LEAD_ASSIGNMENT, e.g. `web_form=nearest-dealer`. */
  leadAssignment?: string;
  /** Where converting a lead registers the customer (another harness's customer-master). */
  customerMasterUrl?: string;
  /** Replaces the system clock, for tests that move time forward (reminders, quota pro-rating). */
  clock?: Clock;
}

export interface SalesCaller {
  sub: string;
  roles: Role[];
  partnerId?: string;
}

/** The sales service on real PostgreSQL, Redis and Kafka, with a token issuer of its own. */
export class SalesHarness extends AppHarness {
  static async start(options: SalesHarnessOptions = {}): Promise<SalesHarness> {
    const booted = await AppHarness.boot(
      {
        schema: 'sales',
        api: SALES_API,
        appModule: (config) =>
          SalesAppModule.forRoot({
            ...config,
            SALES_CUSTOMER_MASTER_URL: options.customerMasterUrl,
            SALES_LEAD_ASSIGNMENT: assignmentRulesSchema.parse(options.leadAssignment),
          }),
        override: (builder) => {
          if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
        },
      },
      options,
    );
    const harness = new SalesHarness(booted);
    // A test that moves time fires reminders itself; the loop's pass at start-up would race it for the same rows.
    if (options.clock) await harness.app.get(NextStepReminderLoop).onApplicationShutdown();
    return harness;
  }

  /** A sales caller's token; a partner is a dealer. */
  override async auth(caller: SalesCaller): Promise<string> {
    return super.auth({ ...caller, partnerKind: caller.partnerId ? 'dealer' : undefined });
  }

  /** Places people in the tree as an admin would: [userId, managerId] pairs, top first. */
  async tree(members: [string, string | null][]): Promise<void> {
    const admin = await this.auth({ sub: 'admin', roles: [Roles.admin] });
    for (const [userId, managerId] of members) {
      await this.http()
        .put(`/sales-team/members/${userId}`)
        .set('authorization', admin)
        .send({ name: userId, managerId })
        .expect(200);
    }
  }

  /** A customer registered in the customer master, once its event reached the sales replica. */
  async knownCustomer(customer: { name: string; phones?: string[]; emails?: string[] }): Promise<string> {
    const customerId = randomUUID();
    await this.publish(CustomerRegistered, customerId, {
      customerId,
      kind: 'person',
      name: customer.name,
      namePinyin: null,
      phones: customer.phones ?? [],
      emails: customer.emails ?? [],
      address: null,
      birthday: null,
      gender: null,
      tags: [],
      ownerSalesRepId: null,
      consents: [],
    });
    await eventually(async () =>
      expect(
        await this.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1),
    );
    return customerId;
  }
}
