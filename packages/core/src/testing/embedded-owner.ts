/**
 * A process that owns an embedded PostgreSQL and then waits to be killed: embedded.test.ts
 * SIGKILLs it to leave an orphaned postmaster behind, or keeps it alive to show a folder in use.
 * Usage: node --import tsx embedded-owner.ts <dataDir>; prints one JSON line once PostgreSQL is up.
 */
import { startEmbeddedPostgres } from '../db/embedded.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-owner.ts <dataDir>');
const server = await startEmbeddedPostgres({ dataDir, fastInit: true });
console.log(JSON.stringify({ pid: server.pid, port: server.port }));
// bounded: gone after a minute even if the test forgets it
setTimeout(() => void server.stop().then(() => process.exit(0)), 60_000);
