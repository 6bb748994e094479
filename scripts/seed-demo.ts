// Seeds the demo data. Idempotent: running the demo again leaves existing data alone.
// Writes the demo accounts to accounts.txt in the demo's data folder for `npm run demo` to print.
import 'reflect-metadata';
import argon2 from 'argon2';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { seedDemoDeadlines } from './seed-demo-deadlines';
import { seedDemoAppointments, type DemoSeat } from './seed-demo-appointments';

interface DemoAccount {
  email: string;
  name: string;
  role: 'secretariat' | 'state_focal_point' | 'state_contributor' | 'committee_expert';
  stateCode: string | null;
  password: string;
}

// Three states of different working languages: Argentina (es), Brazil (pt), Haiti (fr).
const ACCOUNTS: DemoAccount[] = [
  {
    email: 'secretariat@mesecvi.demo',
    name: 'Ana Secretaría',
    role: 'secretariat',
    stateCode: null,
    password: 'demo-secretariat-2026',
  },
  {
    email: 'focal.arg@mesecvi.demo',
    name: 'María Fernández',
    role: 'state_focal_point',
    stateCode: 'ARG',
    password: 'demo-argentina-2026',
  },
  {
    email: 'contrib.arg@mesecvi.demo',
    name: 'Lucía Gómez',
    role: 'state_contributor',
    stateCode: 'ARG',
    password: 'demo-argentina-2026',
  },
  {
    email: 'focal.bra@mesecvi.demo',
    name: 'Fernanda Souza',
    role: 'state_focal_point',
    stateCode: 'BRA',
    password: 'demo-brasil-2026',
  },
  {
    email: 'contrib.bra@mesecvi.demo',
    name: 'João Pereira',
    role: 'state_contributor',
    stateCode: 'BRA',
    password: 'demo-brasil-2026',
  },
  {
    email: 'focal.hti@mesecvi.demo',
    name: 'Marie-Claire Joseph',
    role: 'state_focal_point',
    stateCode: 'HTI',
    password: 'demo-haiti-2026',
  },
  {
    email: 'contrib.hti@mesecvi.demo',
    name: 'Jean-Baptiste Louis',
    role: 'state_contributor',
    stateCode: 'HTI',
    password: 'demo-haiti-2026',
  },
  // Experts of the Committee: their appointments are recorded by seed-demo-appointments.
  {
    email: 'expert.arg@mesecvi.demo',
    name: 'Susana Medina',
    role: 'committee_expert',
    stateCode: 'ARG',
    password: 'demo-expert-2026',
  },
  {
    email: 'expert.bra@mesecvi.demo',
    name: 'Ana Carolina Lima',
    role: 'committee_expert',
    stateCode: 'BRA',
    password: 'demo-expert-2026',
  },
  {
    email: 'expert.hti@mesecvi.demo',
    name: 'Nadège Pierre',
    role: 'committee_expert',
    stateCode: 'HTI',
    password: 'demo-expert-2026',
  },
];

/** The demo states' answers to the demo appointment request: their experts and focal points. */
const SEATS: DemoSeat[] = ACCOUNTS.filter((a) => a.role === 'committee_expert' || a.role === 'state_focal_point').map(
  (a) => ({
    stateCode: a.stateCode as string,
    kind: a.role === 'committee_expert' ? 'titular' : 'focal_point',
    name: a.name,
    email: a.email,
  }),
);

const CONTACTS = [
  {
    state: 'ARG',
    kind: 'permanent_mission',
    name: 'Misión Permanente de la República Argentina ante la OEA',
    email: 'mission.arg@mesecvi.demo',
  },
  {
    state: 'BRA',
    kind: 'permanent_mission',
    name: 'Missão Permanente do Brasil junto à OEA',
    email: 'mission.bra@mesecvi.demo',
  },
  {
    state: 'HTI',
    kind: 'permanent_mission',
    name: "Mission permanente d'Haïti près l'OEA",
    email: 'mission.hti@mesecvi.demo',
  },
];

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Configuration error: DATABASE_URL is required');
  const client = new Client({ connectionString: url });
  await client.connect();
  let created = 0;
  try {
    const now = new Date();
    for (const a of ACCOUNTS) {
      const exists = await client.query('SELECT 1 FROM user_account WHERE email = $1', [a.email]);
      if (exists.rowCount) continue;
      const hash = await argon2.hash(a.password, {
        type: argon2.argon2id,
        memoryCost: 19456,
        timeCost: 2,
        parallelism: 1,
      });
      await client.query(
        `INSERT INTO user_account (email, name, role, state_code, status, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, 'active', $5, $6, $6)`,
        [a.email, a.name, a.role, a.stateCode, hash, now],
      );
      created++;
    }
    for (const c of CONTACTS) {
      const exists = await client.query('SELECT 1 FROM state_contact WHERE state_code = $1 AND kind = $2', [
        c.state,
        c.kind,
      ]);
      if (exists.rowCount) continue;
      await client.query(
        `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
        [c.state, c.kind, c.name, c.email, now],
      );
    }
  } finally {
    await client.end();
  }
  const lines = ACCOUNTS.map(
    (a) => `    ${a.role.padEnd(18)} ${(a.stateCode ?? '').padEnd(4)} ${a.email.padEnd(28)} ${a.password}`,
  );
  const dataDir = path.resolve(__dirname, '..', process.env.DEMO_DATA_DIR ?? path.join('.data', 'demo'));
  const accountsFile = path.join(dataDir, 'accounts.txt');
  fs.mkdirSync(path.dirname(accountsFile), { recursive: true });
  fs.writeFileSync(accountsFile, `  Demo accounts (role, state, e-mail, password):\n${lines.join('\n')}\n`);
  console.log(`demo data: ${created} account(s) created, ${ACCOUNTS.length - created} already there`);
  const deadlines = await seedDemoDeadlines(['ARG', 'BRA', 'HTI']);
  console.log(
    `demo data: ${deadlines > 0 ? `an ad-hoc deadline with reminders for ${deadlines} states` : 'the demo deadlines were already there'}`,
  );
  const seated = await seedDemoAppointments('secretariat@mesecvi.demo', SEATS);
  console.log(
    `demo data: ${seated > 0 ? `an appointment request to the 32 states, ${seated} appointments recorded, two officers elected` : 'the demo appointments were already there'}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
