import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One document symbol, one report: a symbol set by hand on a country report (or a national
 * follow-up report) must not be one a hemispheric report already has, and the other way round.
 * Each table's unique index covers itself; this trigger covers the pair. Two transactions taking
 * the same symbol queue on an advisory lock keyed by the symbol, so the second sees the first's
 * row once it commits (READ COMMITTED: each statement of the function takes a fresh snapshot).
 * The refusal is a unique_violation naming `UQ_document_symbol`, which the services turn into
 * 409 `symbol_taken`.
 */
export class DocumentSymbolAcrossReports1795404600000 implements MigrationInterface {
  name = 'DocumentSymbolAcrossReports1795404600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE clash text;
      BEGIN
        SELECT c.symbol INTO clash FROM country_report c JOIN hemispheric_report h ON h.symbol = c.symbol LIMIT 1;
        IF clash IS NOT NULL THEN
          RAISE EXCEPTION 'document symbol % is held by a country report and a hemispheric report: give one of them another symbol first', clash;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION document_symbol_unique() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.symbol IS NULL OR (TG_OP = 'UPDATE' AND NEW.symbol IS NOT DISTINCT FROM OLD.symbol) THEN
          RETURN NEW;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('document_symbol'), hashtext(NEW.symbol));
        IF (TG_TABLE_NAME = 'country_report' AND EXISTS (SELECT 1 FROM hemispheric_report WHERE symbol = NEW.symbol))
           OR (TG_TABLE_NAME = 'hemispheric_report' AND EXISTS (SELECT 1 FROM country_report WHERE symbol = NEW.symbol)) THEN
          RAISE EXCEPTION 'document symbol % is already taken by another report', NEW.symbol
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'UQ_document_symbol', TABLE = TG_TABLE_NAME, COLUMN = 'symbol';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "country_report_symbol_unique" BEFORE INSERT OR UPDATE OF "symbol" ON "country_report"
      FOR EACH ROW EXECUTE FUNCTION document_symbol_unique()`);
    await q.query(`
      CREATE TRIGGER "hemispheric_report_symbol_unique" BEFORE INSERT OR UPDATE OF "symbol" ON "hemispheric_report"
      FOR EACH ROW EXECUTE FUNCTION document_symbol_unique()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "hemispheric_report_symbol_unique" ON "hemispheric_report"`);
    await q.query(`DROP TRIGGER "country_report_symbol_unique" ON "country_report"`);
    await q.query(`DROP FUNCTION document_symbol_unique()`);
  }
}
