import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  CallCenterClient,
  createCallCenterClient,
  createCustomerMasterClient,
  createServiceClient,
  CustomerMasterClient,
  ServiceClient,
} from '@crm/api-client';
import { PartnerKind, Role } from '@crm/contracts';
import { configureHttpApp, HttpAppOptions } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { CALL_CENTER_API, CallCenterAppModule } from '@crm/app-call-center';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '@crm/app-customer-master';
import {
  DEFAULT_SERVICE_SETTINGS,
  LOCAL_WEBHOOK_TARGETS,
  SERVICE_API,
  ServiceAppModule,
} from '@crm/app-service';
import { SALES_API, SalesAppModule } from '@crm/app-sales';
import { CAMPAIGNS_API, CampaignsAppModule, CampaignsConfig } from '@crm/app-campaigns';
import { ANALYTICS_API, AnalyticsAppModule } from '@crm/app-analytics';
import { WEB_TRACKING_API, WebTrackingAppModule, WebTrackingConfig } from '@crm/app-web-tracking';

async function urlOf(app: INestApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

type AppModuleFactory = (config: ReturnType<typeof testPlatformConfig>) => unknown;

type AppName =
  'customerMaster' | 'callCenter' | 'service' | 'sales' | 'campaigns' | 'analytics' | 'webTracking';

/**
 * customer-master, call-center, service, sales, campaigns and analytics as separate Nest applications, each with its own
 * database, sharing one Kafka namespace and one token issuer, as they would in production.
 */
export class PlatformUnderTest {
  private constructor(
    private readonly apps: Record<Exclude<AppName, 'webTracking'>, INestApplication> & {
      webTracking?: INestApplication;
    },
    private readonly databases: TestDatabase[],
    readonly tokens: TestTokenIssuer,
    /** Prefixes the topics the apps share (read them as `${kafkaNamespace}crm.customer.v1`). */
    readonly kafkaNamespace: string,
  ) {}

  /**
   * `campaigns` adds campaigns's own settings (an SMTP server to send to, a faster poll); `webTracking` starts
   * web-tracking too, with its own settings (the site's origin and secret), as one more part of a person's export.
   */
  static async start(
    options: { campaigns?: Partial<CampaignsConfig>; webTracking?: Partial<WebTrackingConfig> } = {},
  ): Promise<PlatformUnderTest> {
    const tokens = await TestTokenIssuer.start();
    const namespace = `j${randomBytes(4).toString('hex')}.`;
    const databases: TestDatabase[] = [];
    const start = async (label: string, module: AppModuleFactory, api: HttpAppOptions) => {
      const database = await createTestDatabase(label);
      databases.push(database);
      const config = testPlatformConfig({
        DATABASE_URL: database.url,
        AUTH_JWKS_URL: tokens.jwksUrl,
        KAFKA_NAMESPACE: namespace,
      });
      const moduleRef = await Test.createTestingModule({ imports: [module(config) as never] }).compile();
      const app = configureHttpApp(
        moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
        api,
      );
      // Listening, so the typed clients (fetch) reach it as a partner would.
      await app.listen(0, '127.0.0.1');
      return app;
    };
    // The five start side by side, as a deployment's would (they race to create the shared topics, which the
    // transport allows for); the customer master after them, as it is given their URLs.
    const [service, callCenter, sales, campaigns, analytics] = await Promise.all([
      start(
        'journey_service',
        (c) =>
          ServiceAppModule.forRoot(c, {
            ...DEFAULT_SERVICE_SETTINGS,
            ...LOCAL_WEBHOOK_TARGETS,
            webhookPollIntervalMs: 200,
          }),
        SERVICE_API,
      ),
      start('journey_cc', (c) => CallCenterAppModule.forRoot(c), CALL_CENTER_API),
      start('journey_sales', (c) => SalesAppModule.forRoot({ ...c, SALES_LEAD_ASSIGNMENT: {} }), SALES_API),
      start(
        'journey_campaigns',
        (c) => CampaignsAppModule.forRoot({ ...c, ...options.campaigns }),
        CAMPAIGNS_API,
      ),
      start('journey_analytics', (c) => AnalyticsAppModule.forRoot(c), ANALYTICS_API),
    ]);
    const webTracking = options.webTracking
      ? await start(
          'journey_web',
          (c) => WebTrackingAppModule.forRoot({ ...c, ...options.webTracking }),
          WEB_TRACKING_API,
        )
      : undefined;
    // The customer master gathers a person's export from the others over HTTP.
    const urls = await Promise.all(
      [service, callCenter, sales, campaigns, analytics].map((app) => urlOf(app)),
    );
    const webTrackingUrl = webTracking && (await urlOf(webTracking));
    const customerMaster = await start(
      'journey_cm',
      (c) =>
        CustomerMasterAppModule.forRoot({
          ...c,
          EXPORT_SOURCES: [
            { name: 'service', url: urls[0] },
            { name: 'call-center', url: urls[1] },
            { name: 'sales', url: urls[2] },
            { name: 'campaigns', url: urls[3] },
            { name: 'analytics', url: urls[4] },
            ...(webTrackingUrl ? [{ name: 'web-tracking', url: webTrackingUrl }] : []),
          ],
        }),
      CUSTOMER_MASTER_API,
    );
    return new PlatformUnderTest(
      { customerMaster, callCenter, service, sales, campaigns, analytics, webTracking },
      databases,
      tokens,
      namespace,
    );
  }

  customerMaster() {
    return request(this.apps.customerMaster.getHttpServer());
  }

  callCenter() {
    return request(this.apps.callCenter.getHttpServer());
  }

  service() {
    return request(this.apps.service.getHttpServer());
  }

  sales() {
    return request(this.apps.sales.getHttpServer());
  }

  analytics() {
    return request(this.apps.analytics.getHttpServer());
  }

  campaigns() {
    return request(this.apps.campaigns.getHttpServer());
  }

  webTracking() {
    return request(this.app('webTracking').getHttpServer());
  }

  /** Runs SQL on one app's own database (for checks only: apps never read each other's). */
  query<T = Record<string, unknown>>(app: AppName, sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app(app).get(DataSource).query(sql, params);
  }

  private app(name: AppName): INestApplication {
    const app = this.apps[name];
    if (!app) throw new Error(`${name} was not started: pass its settings to PlatformUnderTest.start`);
    return app;
  }

  /** Typed clients generated from each app's OpenAPI document, sending `authorization` on every call. */
  async customerMasterApi(authorization: string): Promise<CustomerMasterClient> {
    return createCustomerMasterClient(await this.options('customerMaster', authorization));
  }

  async callCenterApi(authorization: string): Promise<CallCenterClient> {
    return createCallCenterClient(await this.options('callCenter', authorization));
  }

  async serviceApi(authorization: string): Promise<ServiceClient> {
    return createServiceClient(await this.options('service', authorization));
  }

  private async options(app: 'customerMaster' | 'callCenter' | 'service', authorization: string) {
    const baseUrl = (await this.apps[app].getUrl()).replace('[::1]', '127.0.0.1');
    return { baseUrl, headers: { Authorization: authorization } };
  }

  async as(roles: Role[], partner?: { id: string; kind: PartnerKind }): Promise<string> {
    return `Bearer ${await this.tokens.sign({ roles, partnerId: partner?.id, partnerKind: partner?.kind })}`;
  }

  async stop(): Promise<void> {
    for (const app of Object.values(this.apps)) await app?.close();
    await this.tokens.stop();
    for (const database of this.databases) await database.drop();
  }
}
