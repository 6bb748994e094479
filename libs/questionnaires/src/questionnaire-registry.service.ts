import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { Language } from '@mesecvi/http';
import { QuestionnaireVersion, type QuestionnaireSourceKind } from './questionnaire-version.entity';
import {
  toQuestionnaireVersionView,
  type QuestionnaireDocumentView,
  type QuestionnaireVersionView,
} from './questionnaire-version.view';
import { DEF_FILES, QUESTIONNAIRE_FILES } from './files/questionnaire-files';
import { checkCarryOverMapping, type CarryOverMapping } from './files/carry-over-mapping';
import type { DefFiles } from './schema/bundle-schema';
import {
  prepareQuestionnaire,
  type PreparedQuestionnaire,
  type QuestionnaireSource,
} from './schema/prepare-questionnaire';
import { questionnaireItems } from './schema/questionnaire-items';
import type { SchemaObject } from './schema/json-schema';
import type { QuestionnaireI18n } from './i18n/questionnaire-texts';
import { CompiledQuestionnaire, type ValidationMode, type ValidationResult } from './validation/compiled-questionnaire';
import { isUuid } from '@mesecvi/http';

/** Two-key advisory lock namespace: registrations of one key queue, other keys do not. */
const REGISTRY_LOCK_CLASS = 7_231_995;

/** A questionnaire generated at run time (e.g. a state's follow-up questionnaire). */
export interface GeneratedQuestionnaireInput {
  key: string;
  /** The state it was generated for, if any. */
  stateCode?: string | null;
  /** May `$ref` the shared definitions (`../defs/money.schema.json`); they are bundled in. */
  schema: SchemaObject;
  i18n: QuestionnaireI18n;
}

/**
 * Questionnaire versions: registers the files of schemas/ and generated questionnaires by
 * content hash, freezes versions in use, and validates answers with validators compiled once
 * per version and kept.
 */
@Injectable()
export class QuestionnaireRegistry {
  private readonly logger = new Logger('QuestionnaireRegistry');
  /** Compiled content by hash, and the hash of each version id seen (versions never change). */
  private readonly compiledByHash = new Map<string, CompiledQuestionnaire>();
  private readonly compiledById = new Map<string, CompiledQuestionnaire>();
  private fileVersions?: Promise<Map<string, QuestionnaireVersionView>>;
  private readonly carryOverByKey = new Map<string, CarryOverMapping>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registers the questionnaire files once per process, on first use (the first call waits, the
   * others share its promise). A failure is not remembered, so the next call tries again.
   */
  ensureFileVersions(): Promise<Map<string, QuestionnaireVersionView>> {
    if (!this.fileVersions) {
      this.fileVersions = this.registerFiles().then(
        (views) => new Map(views.map((v) => [v.key, v])),
        (e: unknown) => {
          this.fileVersions = undefined;
          throw e;
        },
      );
    }
    return this.fileVersions;
  }

  /**
   * Registers questionnaire files: same content → the existing version; changed → the next number.
   * A file's carry-over mapping (beside its schema) is checked against it and kept for `carryOverMapping`.
   */
  async registerFiles(
    files: ReadonlyArray<QuestionnaireSource & { carryOver?: CarryOverMapping }> = QUESTIONNAIRE_FILES,
    defFiles: DefFiles = DEF_FILES,
  ): Promise<QuestionnaireVersionView[]> {
    const prepared = files.map((file) => prepareQuestionnaire(file, defFiles));
    const mappings = files.map((file, i) =>
      file.carryOver ? checkCarryOverMapping(file.key, file.carryOver, prepared[i].schema) : null,
    );
    files.forEach((file, i) => {
      const mapping = mappings[i];
      if (mapping) this.carryOverByKey.set(file.key, mapping);
    });
    const now = await this.clock.now();
    const views: QuestionnaireVersionView[] = [];
    for (const questionnaire of prepared) {
      views.push(
        await this.dataSource.transaction((manager) => this.register(manager, questionnaire, 'file', null, now)),
      );
    }
    return views;
  }

  /** How answers of earlier versions of a questionnaire file carry over to its current items (null: by matching ids only). */
  async carryOverMapping(key: string): Promise<CarryOverMapping | null> {
    await this.ensureFileVersions();
    return this.carryOverByKey.get(key) ?? null;
  }

  /** The version of a questionnaire file as the file is now. */
  async current(key: string): Promise<QuestionnaireVersionView> {
    const view = (await this.ensureFileVersions()).get(key);
    if (!view) throw new DomainError('not_found', `Questionnaire ${key} was not found`);
    return this.get(view.id);
  }

  /**
   * Registers a questionnaire generated at run time, in the caller's transaction. The same
   * content for the same key and state returns the version already registered.
   */
  async registerGenerated(
    manager: EntityManager,
    input: GeneratedQuestionnaireInput,
    now: Date,
  ): Promise<QuestionnaireVersionView> {
    const prepared = prepareQuestionnaire({ key: input.key, schema: input.schema, i18n: input.i18n }, DEF_FILES);
    return this.register(manager, prepared, 'generated', input.stateCode?.toUpperCase() ?? null, now);
  }

  async get(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<QuestionnaireVersionView> {
    return toQuestionnaireVersionView(await this.row(manager, versionId));
  }

  async find(key: string, version: number): Promise<QuestionnaireVersionView> {
    await this.ensureFileVersions();
    const row =
      Number.isSafeInteger(version) && version > 0
        ? await this.dataSource.getRepository(QuestionnaireVersion).findOneBy({ key, version })
        : null;
    if (!row) throw new DomainError('not_found', `Questionnaire ${key} version ${version} was not found`);
    return toQuestionnaireVersionView(row);
  }

  /** Schema, items and texts of a version in `language`, English filling what is missing. */
  async document(
    versionId: string,
    language: Language,
    known?: QuestionnaireVersionView,
  ): Promise<QuestionnaireDocumentView> {
    const view = known ?? (await this.get(versionId));
    const compiled = await this.compiled(versionId);
    return {
      ...view,
      language,
      items: questionnaireItems(compiled.schema),
      texts: compiled.textsIn(language),
      schema: compiled.schema,
    };
  }

  /** `document` by key and number (the read route). */
  async documentOf(key: string, version: number, language: Language): Promise<QuestionnaireDocumentView> {
    const view = await this.find(key, version);
    return this.document(view.id, language, view);
  }

  /**
   * Marks a version as in use (called by the rounds code, in the transaction that distributes
   * it). From then on it can never be deleted; its content could never change anyway.
   * Idempotent: the first freeze time stays.
   */
  async freeze(manager: EntityManager, versionId: string, now: Date): Promise<QuestionnaireVersionView> {
    const row = await this.row(manager, versionId, true);
    if (row.frozenAt) return toQuestionnaireVersionView(row);
    await manager.query('UPDATE questionnaire_version SET frozen_at = $2 WHERE id = $1', [versionId, now]);
    await this.audit.record(manager, {
      actor: null,
      action: 'questionnaire_version.frozen',
      entity: { type: 'questionnaire_version', id: versionId },
      summary: { key: row.key, version: row.version },
      at: now,
    });
    return toQuestionnaireVersionView({ ...row, frozenAt: now });
  }

  /** Deletes a version nobody uses yet (a generated one discarded); a frozen one answers 409. */
  async remove(manager: EntityManager, versionId: string, now: Date): Promise<void> {
    const row = await this.row(manager, versionId, true);
    if (row.frozenAt)
      throw new DomainError(
        'conflict',
        `Questionnaire ${row.key} version ${row.version} is in use and can never be deleted.`,
      );
    await manager.query(`DELETE FROM questionnaire_version WHERE id = $1`, [versionId]);
    await this.audit.record(manager, {
      actor: null,
      action: 'questionnaire_version.deleted',
      entity: { type: 'questionnaire_version', id: versionId },
      summary: { key: row.key, version: row.version },
      at: now,
    });
  }

  /** Validates an answer document against a version: strict for submissions, lenient for drafts. */
  async validate(
    versionId: string,
    document: unknown,
    mode: ValidationMode,
    language: Language,
  ): Promise<ValidationResult> {
    const compiled = this.compiledById.get(versionId) ?? (await this.compiled(versionId));
    return compiled.validate(document, mode, language);
  }

  /** The compiled validators of a version (compiled on first use, then kept for the process). */
  async compiled(versionId: string): Promise<CompiledQuestionnaire> {
    const known = this.compiledById.get(versionId);
    if (known) return known;
    const row = await this.row(this.dataSource.manager, versionId);
    let compiled = this.compiledByHash.get(row.contentHash);
    if (!compiled) {
      compiled = new CompiledQuestionnaire(row.schema, row.i18n);
      this.compiledByHash.set(row.contentHash, compiled);
    }
    this.compiledById.set(versionId, compiled);
    return compiled;
  }

  private async register(
    manager: EntityManager,
    q: PreparedQuestionnaire,
    source: QuestionnaireSourceKind,
    stateCode: string | null,
    now: Date,
  ): Promise<QuestionnaireVersionView> {
    if (!this.compiledByHash.has(q.contentHash)) this.compiledByHash.set(q.contentHash, q.compiled);
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGISTRY_LOCK_CLASS, q.key]);
    const repo = manager.getRepository(QuestionnaireVersion);
    const existing = await repo
      .createQueryBuilder('v')
      .where(
        'v.key = :key AND v.contentHash = :hash AND v.source = :source AND v.stateCode IS NOT DISTINCT FROM :state',
        { key: q.key, hash: q.contentHash, source, state: stateCode },
      )
      .orderBy('v.version', 'ASC')
      .getOne();
    if (existing) return toQuestionnaireVersionView(existing);
    const [{ next }]: Array<{ next: number }> = await manager.query(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM questionnaire_version WHERE key = $1',
      [q.key],
    );
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO questionnaire_version (key, version, content_hash, schema, i18n, source, state_code, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8) RETURNING id`,
      [q.key, next, q.contentHash, JSON.stringify(q.schema), JSON.stringify(q.i18n), source, stateCode, now],
    );
    const row = {
      id,
      key: q.key,
      version: next,
      contentHash: q.contentHash,
      source,
      stateCode,
      frozenAt: null,
      createdAt: now,
    };
    await this.audit.record(manager, {
      actor: null,
      action: 'questionnaire_version.registered',
      entity: { type: 'questionnaire_version', id: row.id },
      summary: { key: q.key, version: next, source, stateCode },
      at: now,
    });
    this.logger.log({
      msg: 'questionnaire version registered',
      key: q.key,
      version: next,
      source,
      contentHash: q.contentHash,
    });
    return toQuestionnaireVersionView(row);
  }

  private async row(manager: EntityManager, versionId: string, lock = false): Promise<QuestionnaireVersion> {
    const query = manager
      .getRepository(QuestionnaireVersion)
      .createQueryBuilder('v')
      .where('v.id = :id', { id: versionId });
    if (lock) query.setLock('pessimistic_write');
    const row = isUuid(versionId) ? await query.getOne() : null;
    if (!row) throw new DomainError('not_found', 'Questionnaire version was not found');
    return row;
  }
}
