import type { TFunction } from 'i18next';
import type { Stage } from './sales-types';

/** The default pipeline's stages have texts of their own; a configured stage shows the name it was given. */
export const stageLabel = (t: TFunction<'sales'>, stage: Pick<Stage, 'key' | 'name'>) =>
  t(`stage.${stage.key}`, { defaultValue: stage.name });
