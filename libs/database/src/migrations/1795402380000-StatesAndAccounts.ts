import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The states-parties registry (seeded with the 32 states parties of the Belém do Pará
 * Convention, listed below; ratification dates stay empty until the secretariat enters them),
 * their contacts, and accounts with their tokens.
 */
const STATES_PARTIES: Array<[string, string, string, string, string, string, string]> = [
  ['ATG', 'Antigua and Barbuda', 'Antigua y Barbuda', 'Antigua-et-Barbuda', 'Antígua e Barbuda', 'en', 'member'],
  ['ARG', 'Argentina', 'Argentina', 'Argentine', 'Argentina', 'es', 'member'],
  ['BHS', 'The Bahamas', 'Bahamas', 'Bahamas', 'Bahamas', 'en', 'member'],
  ['BRB', 'Barbados', 'Barbados', 'Barbade', 'Barbados', 'en', 'member'],
  ['BLZ', 'Belize', 'Belice', 'Belize', 'Belize', 'en', 'member'],
  ['BOL', 'Bolivia', 'Bolivia', 'Bolivie', 'Bolívia', 'es', 'member'],
  ['BRA', 'Brazil', 'Brasil', 'Brésil', 'Brasil', 'pt', 'member'],
  ['CHL', 'Chile', 'Chile', 'Chili', 'Chile', 'es', 'member'],
  ['COL', 'Colombia', 'Colombia', 'Colombie', 'Colômbia', 'es', 'member'],
  ['CRI', 'Costa Rica', 'Costa Rica', 'Costa Rica', 'Costa Rica', 'es', 'member'],
  ['DMA', 'Dominica', 'Dominica', 'Dominique', 'Dominica', 'en', 'member'],
  [
    'DOM',
    'Dominican Republic',
    'República Dominicana',
    'République dominicaine',
    'República Dominicana',
    'es',
    'member',
  ],
  ['ECU', 'Ecuador', 'Ecuador', 'Équateur', 'Equador', 'es', 'member'],
  ['SLV', 'El Salvador', 'El Salvador', 'El Salvador', 'El Salvador', 'es', 'member'],
  ['GRD', 'Grenada', 'Granada', 'Grenade', 'Granada', 'en', 'member'],
  ['GTM', 'Guatemala', 'Guatemala', 'Guatemala', 'Guatemala', 'es', 'member'],
  ['GUY', 'Guyana', 'Guyana', 'Guyana', 'Guiana', 'en', 'member'],
  ['HTI', 'Haiti', 'Haití', 'Haïti', 'Haiti', 'fr', 'member'],
  ['HND', 'Honduras', 'Honduras', 'Honduras', 'Honduras', 'es', 'member'],
  ['JAM', 'Jamaica', 'Jamaica', 'Jamaïque', 'Jamaica', 'en', 'member'],
  ['MEX', 'Mexico', 'México', 'Mexique', 'México', 'es', 'member'],
  ['NIC', 'Nicaragua', 'Nicaragua', 'Nicaragua', 'Nicarágua', 'es', 'withdrawn'],
  ['PAN', 'Panama', 'Panamá', 'Panama', 'Panamá', 'es', 'member'],
  ['PRY', 'Paraguay', 'Paraguay', 'Paraguay', 'Paraguai', 'es', 'member'],
  ['PER', 'Peru', 'Perú', 'Pérou', 'Peru', 'es', 'member'],
  [
    'KNA',
    'Saint Kitts and Nevis',
    'Saint Kitts y Nevis',
    'Saint-Kitts-et-Nevis',
    'São Cristóvão e Névis',
    'en',
    'member',
  ],
  ['LCA', 'Saint Lucia', 'Santa Lucía', 'Sainte-Lucie', 'Santa Lúcia', 'en', 'member'],
  [
    'VCT',
    'Saint Vincent and the Grenadines',
    'San Vicente y las Granadinas',
    'Saint-Vincent-et-les-Grenadines',
    'São Vicente e Granadinas',
    'en',
    'member',
  ],
  ['SUR', 'Suriname', 'Suriname', 'Suriname', 'Suriname', 'en', 'member'],
  ['TTO', 'Trinidad and Tobago', 'Trinidad y Tobago', 'Trinité-et-Tobago', 'Trinidad e Tobago', 'en', 'member'],
  ['URY', 'Uruguay', 'Uruguay', 'Uruguay', 'Uruguai', 'es', 'member'],
  ['VEN', 'Venezuela', 'Venezuela', 'Venezuela', 'Venezuela', 'es', 'contested'],
];

export class StatesAndAccounts1795402380000 implements MigrationInterface {
  name = 'StatesAndAccounts1795402380000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "state_party" (
        "code" varchar(3) NOT NULL,
        "name_en" text NOT NULL,
        "name_es" text NOT NULL,
        "name_fr" text NOT NULL,
        "name_pt" text NOT NULL,
        "working_language" varchar(2) NOT NULL,
        "oas_membership" varchar(16) NOT NULL DEFAULT 'member',
        "ratification_date" date,
        "version" integer NOT NULL DEFAULT 1,
        "updated_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_state_party" PRIMARY KEY ("code"),
        CONSTRAINT "CHK_state_party_working_language" CHECK ("working_language" IN ('en', 'es', 'fr', 'pt')),
        CONSTRAINT "CHK_state_party_oas_membership" CHECK ("oas_membership" IN ('member', 'withdrawn', 'contested'))
      )`);
    for (const [code, en, es, fr, pt, language, membership] of STATES_PARTIES) {
      await q.query(
        `INSERT INTO "state_party" ("code", "name_en", "name_es", "name_fr", "name_pt", "working_language", "oas_membership") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [code, en, es, fr, pt, language, membership],
      );
    }
    await q.query(`
      CREATE TABLE "state_contact" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "state_code" varchar(3) NOT NULL,
        "kind" varchar(40) NOT NULL,
        "name" text NOT NULL,
        "email" text NOT NULL,
        "phone" text,
        "postal_address" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_state_contact" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_state_contact_kind" CHECK ("kind" IN ('permanent_mission', 'competent_national_authority')),
        CONSTRAINT "FK_state_contact_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_state_contact_state" ON "state_contact" ("state_code")`);
    await q.query(`
      CREATE TABLE "user_account" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "name" text NOT NULL,
        "preferred_language" varchar(2),
        "role" varchar(32) NOT NULL,
        "state_code" varchar(3),
        "status" varchar(16) NOT NULL,
        "password_hash" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_user_account" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_user_account_role" CHECK ("role" IN ('secretariat', 'state_focal_point', 'state_contributor', 'committee_expert')),
        CONSTRAINT "CHK_user_account_status" CHECK ("status" IN ('invited', 'active', 'disabled')),
        CONSTRAINT "CHK_user_account_language" CHECK ("preferred_language" IS NULL OR "preferred_language" IN ('en', 'es', 'fr', 'pt')),
        CONSTRAINT "CHK_user_account_state_binding" CHECK (("role" = 'secretariat') = ("state_code" IS NULL)),
        CONSTRAINT "FK_user_account_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_user_account_email" ON "user_account" ("email")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_user_account_one_focal_point" ON "user_account" ("state_code") WHERE "role" = 'state_focal_point' AND "status" <> 'disabled'`,
    );
    await q.query(`CREATE INDEX "IDX_user_account_state" ON "user_account" ("state_code", "role")`);
    await q.query(`
      CREATE TABLE "refresh_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_refresh_token" PRIMARY KEY ("id"),
        CONSTRAINT "FK_refresh_token_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_refresh_token_family" ON "refresh_token" ("family_id")`);
    await q.query(`CREATE INDEX "IDX_refresh_token_user" ON "refresh_token" ("user_id")`);
    await q.query(`
      CREATE TABLE "account_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" varchar(16) NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_account_token" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_account_token_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')),
        CONSTRAINT "FK_account_token_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_account_token_hash" ON "account_token" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_account_token_user" ON "account_token" ("user_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "account_token"`);
    await q.query(`DROP TABLE "refresh_token"`);
    await q.query(`DROP TABLE "user_account"`);
    await q.query(`DROP TABLE "state_contact"`);
    await q.query(`DROP TABLE "state_party"`);
  }
}
