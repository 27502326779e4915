import { CustomerRegistered, CustomerState, VehicleRegistered, VehicleState } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';

/**
 * Publishes the customers and vehicles as customer-master would, waits until the replica holds them all, and
 * defines the segment the sending tests send to (everyone in Shanghai); resolves with its id.
 */
export async function seedShanghaiAudience(
  harness: CampaignsHarness,
  marketer: string,
  customers: CustomerState[],
  vehicles: VehicleState[],
): Promise<string> {
  for (const customer of customers) await harness.publish(CustomerRegistered, customer.customerId, customer);
  for (const vehicle of vehicles) await harness.publish(VehicleRegistered, vehicle.vehicleId, vehicle);
  await eventually(async () => {
    const [row] = await harness.query<{ customers: number; vehicles: number }>(
      `SELECT (SELECT count(*)::int FROM campaigns.customer) AS customers,
              (SELECT count(*)::int FROM campaigns.vehicle) AS vehicles`,
    );
    expect(row).toEqual({ customers: customers.length, vehicles: vehicles.length });
  });
  return segmentOf(harness, marketer, 'Shanghai', '上海市');
}

/** A segment of the customers living in `city`; resolves with its id. */
export async function segmentOf(
  harness: CampaignsHarness,
  marketer: string,
  name: string,
  city: string,
): Promise<string> {
  const created = await harness
    .http()
    .post('/segments')
    .set('Authorization', marketer)
    .send({ name, rule: { field: 'city', in: [city] } })
    .expect(201);
  return created.body.id;
}

/** Schedules the campaign for now (the harness clock's now), as the marketer. */
export async function scheduleNow(
  harness: CampaignsHarness,
  marketer: string,
  campaignId: string,
): Promise<void> {
  await harness
    .http()
    .post(`/campaigns/${campaignId}/schedule`)
    .set('Authorization', marketer)
    .send({})
    .expect(200);
}
