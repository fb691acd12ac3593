// Serves the built dist/ on 127.0.0.1 with the right MIME types (wasm must be
// application/wasm) and the caching a host is told to use (dist/_headers: the loader
// for 5 minutes then revalidated with its ETag, the hashed files for a year).
// Usage: node scripts/serve.mjs [port]
import { startServer } from "../tests/e2e/support.mjs";

const port = Number(process.argv[2] || 8080);
const server = await startServer({ port });
console.log(`Serving dist/ at ${server.origin}/`);
