import { Admin, ConfigResourceTypes, ConfigSource, IResourceConfigEntry } from 'kafkajs';
import { TopicConfig } from '@crm/contracts';

export function configEntries(config: TopicConfig): IResourceConfigEntry[] {
  return Object.entries(config).map(([name, value]) => ({ name, value }));
}

/**
 * Brings an existing topic (one created before its settings were declared) to the declared settings and
 * answers the names it changed. AlterConfigs replaces a topic's whole set of overrides, so the overrides
 * someone set by hand are sent again beside ours.
 */
export async function alignTopicConfig(
  admin: Admin,
  topic: string,
  declared: TopicConfig,
): Promise<string[]> {
  if (Object.keys(declared).length === 0) return [];
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  const overrides = new Map(
    resources[0].configEntries
      .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG)
      .map((entry) => [entry.configName, entry.configValue]),
  );
  const changed = Object.keys(declared).filter((name) => overrides.get(name) !== declared[name]);
  if (changed.length === 0) return [];
  const wanted = { ...Object.fromEntries(overrides), ...declared };
  await admin.alterConfigs({
    validateOnly: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: configEntries(wanted) }],
  });
  return changed;
}
