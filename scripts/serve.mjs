// Serves the built dist/ on 127.0.0.1 with the right MIME types (wasm must be
// application/wasm). Usage: node scripts/serve.mjs [port]
import { startServer } from "../tests/e2e/support.mjs";

const port = Number(process.argv[2] || 8080);
const server = await startServer({ port });
console.log(`Serving dist/ at ${server.origin}/`);
