// Holds a lock on a SQLite file from another process, as a second app instance, a backup tool or
// a reporting query would: `node hold-sqlite-lock.js <file> <read|write> <ms>`. Prints "locked"
// once it holds the lock, then commits after <ms>.
const Database = require("better-sqlite3");

const [file, mode, ms] = process.argv.slice(2);
const conn = new Database(file, { timeout: 10_000 });
if (mode === "write") {
  conn.exec("BEGIN IMMEDIATE");
  conn.prepare("INSERT INTO Tag (id, slug, name) VALUES ('lock-holder', 'lock-holder', 'x')").run();
} else {
  conn.exec("BEGIN");
  conn.prepare("SELECT count(*) FROM Section").get();
}
process.stdout.write("locked\n");
setTimeout(() => {
  conn.exec("COMMIT");
  conn.close();
}, Number(ms));
