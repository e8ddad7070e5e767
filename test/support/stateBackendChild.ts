// Runs only the state backend on a database, for the crash test: `node --import tsx stateBackendChild.ts DB ENV`.
// Prints one JSON line with the TF_HTTP_* settings once it listens.
import { startStateBackend } from '../../src/host/state/http/stateBackend';
import { openDatabase } from '../../src/host/store/openDatabase';

const [path, environmentId = 'default'] = process.argv.slice(2);
const backend = await startStateBackend({ db: openDatabase(path!), log: (message) => process.stderr.write(`${message}\n`) });
process.stdout.write(`${JSON.stringify({ env: backend.envFor(environmentId) })}\n`);
