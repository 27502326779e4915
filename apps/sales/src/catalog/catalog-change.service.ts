import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CarModel, CatalogNote, ModelChanges, NoteChanges, NoteKind, Trim, TrimChanges } from './catalog';
import { CatalogRepository } from './catalog.repository';

/**
 * Changes and retirements of models, trims, selling points and FAQs (admin only, enforced by the controller). Each
 * runs with its row locked, so two admins' changes of one record apply one after the other, never interleaved.
 */
@Injectable()
export class CatalogChangeService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  changeModel(id: string, changes: ModelChanges): Promise<CarModel> {
    return this.uow.run(async (tx) => {
      const model = { ...(await this.lockedModel(tx, id)), ...changes };
      await this.catalog.updateModel(tx, model);
      if (changes.name !== undefined)
        for (const trim of await this.catalog.trimsOf(id, tx))
          await this.catalog.updateTrim(tx, trim, model.name);
      return model;
    });
  }

  changeTrim(id: string, changes: TrimChanges): Promise<Trim> {
    return this.uow.run(async (tx) => {
      const trim = { ...(await this.lockedTrim(tx, id)), ...changes };
      const model = (await this.catalog.findModel(trim.modelId, tx)) as CarModel;
      await this.catalog.updateTrim(tx, trim, model.name);
      return trim;
    });
  }

  /** A note keeps its kind: an FAQ's id on the selling points' route is not found. */
  changeNote(kind: NoteKind, id: string, changes: NoteChanges): Promise<CatalogNote> {
    return this.uow.run(async (tx) => {
      const found = await this.catalog.findNote(id, tx, true);
      if (found?.kind !== kind) throw new NotFoundError(kind === 'faq' ? 'FAQ' : 'selling point', id);
      const note = { ...found, ...changes };
      if (changes.trimId) {
        const trim = await this.catalog.findTrim(changes.trimId, tx);
        if (trim?.modelId !== note.modelId) throw new NotFoundError('trim', changes.trimId);
      }
      await this.catalog.updateNote(tx, note);
      return note;
    });
  }

  /** No longer offered on new lines or quotes; kept, and shown, wherever it was already used. */
  retireModel(id: string): Promise<CarModel> {
    return this.uow.run(async (tx) => {
      await this.lockedModel(tx, id);
      await this.catalog.retire(tx, 'model', id, this.clock.now());
      return (await this.catalog.findModel(id, tx)) as CarModel;
    });
  }

  retireTrim(id: string): Promise<Trim> {
    return this.uow.run(async (tx) => {
      await this.lockedTrim(tx, id);
      await this.catalog.retire(tx, 'trim', id, this.clock.now());
      return (await this.catalog.findTrim(id, tx)) as Trim;
    });
  }

  private async lockedModel(tx: EntityManager, id: string): Promise<CarModel> {
    const model = await this.catalog.findModel(id, tx, true);
    if (!model) throw new NotFoundError('model', id);
    return model;
  }

  private async lockedTrim(tx: EntityManager, id: string): Promise<Trim> {
    const trim = await this.catalog.findTrim(id, tx, true);
    if (!trim) throw new NotFoundError('trim', id);
    return trim;
  }
}
