import { Injectable } from '@nestjs/common';
import { IdGenerator, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CarModel, CatalogNote, Trim } from './catalog';
import { conflictOnTakenCode } from './catalog-code-conflict';
import { CatalogRepository } from './catalog.repository';

export type NewNote = Omit<CatalogNote, 'id' | 'modelId'>;

/** Adds models, their trims, selling points and FAQs (admin only, enforced by the controller); see CatalogChangeService. */
@Injectable()
export class CatalogEditingService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  addModel(model: Omit<CarModel, 'id' | 'retiredAt'>): Promise<CarModel> {
    const created = { ...model, id: this.ids.next(), retiredAt: null };
    return conflictOnTakenCode(() =>
      this.uow.run(async (tx) => {
        await this.catalog.insertModel(tx, created);
        return created;
      }),
    );
  }

  /** The model row is locked, so a rename at the same time cannot leave the trim's document with the old name. */
  addTrim(modelId: string, trim: Omit<Trim, 'id' | 'modelId' | 'retiredAt'>): Promise<Trim> {
    const created = { ...trim, id: this.ids.next(), modelId, retiredAt: null };
    return conflictOnTakenCode(() =>
      this.uow.run(async (tx) => {
        const model = await this.catalog.findModel(modelId, tx, true);
        if (!model) throw new NotFoundError('model', modelId);
        await this.catalog.insertTrim(tx, created, model.name);
        return created;
      }),
    );
  }

  /** A note of one trim must name a trim of the same model (400 otherwise). */
  addNote(modelId: string, note: NewNote): Promise<CatalogNote> {
    const created = { ...note, id: this.ids.next(), modelId };
    return this.uow.run(async (tx) => {
      if (!(await this.catalog.findModel(modelId, tx))) throw new NotFoundError('model', modelId);
      if (note.trimId) {
        const trim = await this.catalog.findTrim(note.trimId, tx);
        if (trim?.modelId !== modelId) throw new NotFoundError('trim', note.trimId);
      }
      await this.catalog.insertNote(tx, created);
      return created;
    });
  }
}
