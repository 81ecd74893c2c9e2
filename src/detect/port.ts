// The port the app listens on: the default in `process.env.PORT || N` (or `??`), else a literal
// `listen(N)` / `listen({ port: N })`, else PORT= in .env. Undefined when none is found: the options
// layer then uses its default.
import type { ProjectFs } from '../project-fs.js';

const ENV_PORT = String.raw`process\.env(?:\.PORT|\[\s*['"]PORT['"]\s*\])`;
/** `process.env.PORT || 3000`, `Number(process.env.PORT) || 3000`, `parseInt(process.env.PORT ?? '8080', 10)`. */
const ENV_DEFAULT = new RegExp(String.raw`${ENV_PORT}\s*\)?\s*(?:\|\||\?\?)\s*['"]?(\d{1,5})\b`);
const LISTEN_LITERAL = /\.listen\(\s*(?:\{[^}]*?\bport\s*:\s*)?['"]?(\d{1,5})\b/;
const DOTENV_PORT = /^\s*(?:export\s+)?PORT\s*=\s*['"]?(\d{1,5})['"]?\s*(?:#.*)?$/m;

export async function detectPort(fs: ProjectFs, source: string): Promise<number | undefined> {
  const fromSource = firstPort(source, ENV_DEFAULT) ?? firstPort(source, LISTEN_LITERAL);
  if (fromSource !== undefined) return fromSource;
  const dotenv = await fs.read('.env');
  return dotenv === undefined ? undefined : firstPort(dotenv, DOTENV_PORT);
}

function firstPort(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  if (!match?.[1]) return undefined;
  const port = Number(match[1]);
  return port >= 1 && port <= 65535 ? port : undefined;
}
