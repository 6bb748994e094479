// Small PostgreSQL helpers shared by the test runner and the demo (plain CommonJS).
'use strict';
const { Client } = require('pg');

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl, sql, params = []) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const ident = (name) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

async function recreateDatabase(adminUrl, name, template) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
  return withDatabase(adminUrl, name);
}

async function ensureDatabase(adminUrl, name) {
  const found = await adminQuery(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (found.rowCount === 0) await adminQuery(adminUrl, `CREATE DATABASE ${ident(name)}`);
  return withDatabase(adminUrl, name);
}

async function dropDatabase(adminUrl, name) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

module.exports = { withDatabase, adminQuery, recreateDatabase, ensureDatabase, dropDatabase };
