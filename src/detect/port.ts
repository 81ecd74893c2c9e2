// The port the app listens on: the default in `process.env.PORT || N` (or `??`), else a literal
// `listen(N)` / `listen({ port: N })`, where N may also be a constant declared in the same source
// (`const PORT = 3000`); in the entry first, then in the files it imports; else PORT= in .env. Undefined when none is found: the options layer then
// uses its default.
import type { ProjectFs } from '../core/project-fs.js';

const ENV_PORT = String.raw`process\.env(?:\.PORT|\[\s*['"]PORT['"]\s*\])`;
/** A port number, or the name of a constant that holds one. */
const VALUE = String.raw`['"]?(\d{1,5}|[A-Za-z_$][\w$]*)\b`;
/** `process.env.PORT || 3000`, `Number(process.env.PORT) || 3000`, `parseInt(process.env.PORT ?? '8080', 10)`. */
const ENV_DEFAULT = new RegExp(String.raw`${ENV_PORT}\s*\)?\s*(?:\|\||\?\?)\s*${VALUE}`, 'g');
const LISTEN = new RegExp(String.raw`\.listen\(\s*(?:\{[^}]*?\bport\s*:\s*)?${VALUE}`, 'g');
const DOTENV_PORT = /^\s*(?:export\s+)?PORT\s*=\s*['"]?(\d{1,5})['"]?\s*(?:#.*)?$/m;

/** `sources` in order of trust: the entry, then the entry with the files it imports. */
export async function detectPort(fs: ProjectFs, sources: string[]): Promise<number | undefined> {
  for (const source of sources) {
    const fromSource = firstPort(source, ENV_DEFAULT) ?? firstPort(source, LISTEN);
    if (fromSource !== undefined) return fromSource;
  }
  const dotenv = await fs.read('.env');
  const match = dotenv === undefined ? undefined : DOTENV_PORT.exec(dotenv);
  return match?.[1] === undefined ? undefined : validPort(match[1]);
}

function firstPort(source: string, pattern: RegExp): number | undefined {
  for (const match of source.matchAll(pattern)) {
    const value = match[1] ?? '';
    const port = /^\d+$/.test(value) ? validPort(value) : constantPort(source, value);
    if (port !== undefined) return port;
  }
  return undefined;
}

/** `const PORT = 3000`, `let port: number = 8080`, `var PORT = process.env.PORT || 4000` (already matched above). */
function constantPort(source: string, name: string): number | undefined {
  const quoted = name.replace(/\$/g, '\\$');
  const declaration = new RegExp(String.raw`\b(?:const|let|var)\s+${quoted}\s*(?::\s*number\s*)?=\s*['"]?(\d{1,5})\b`).exec(source);
  return declaration?.[1] === undefined ? undefined : validPort(declaration[1]);
}

function validPort(text: string): number | undefined {
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}
