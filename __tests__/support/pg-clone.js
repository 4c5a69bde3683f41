// Run as a child process by per-file-db.ts, which must finish before the test file loads.
const { Client } = require("pg");

async function main() {
  const [adminUrl, template, target] = process.argv.slice(2);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${target}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
