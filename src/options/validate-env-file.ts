// --run-env-file: the run-time variables file handed to `docker run --env-file` (the --verify run) and
// to compose.yaml's `env_file`. The file is hostile input and holds secrets: it is parsed strictly
// here, at the boundary, to the one format both readers take the same way, and no error message
// ever quotes a value (only the line number and, when it is valid, the name).
import { UsageError } from '../errors.js';
import { printable } from '../core/validate.js';

export interface EnvFile {
  /** As given, relative to the project directory (compose.yaml's env_file line). */
  path: string;
  /** The variable names, in file order. */
  names: string[];
  /** The values, for redaction only: never printed, never written. */
  values: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Bigger than any real environment file; a larger one is not one. */
const MAX_BYTES = 256 * 1024;

/**
 * `NAME=value` lines, `#` comment lines and blank lines. Refused, because `docker run --env-file`
 * and compose read them differently: quoted values (docker keeps the quotes, compose strips them),
 * `export NAME=...`, a bare `NAME` (docker copies it from the caller's environment), values with
 * surrounding spaces, ` #` (a compose comment) or `$` (compose interpolation).
 */
export function parseEnvFile(text: string, file: string, flag = '--run-env-file'): EnvFile {
  const where = `${flag} ${printable(file)}`;
  if (text.length > MAX_BYTES) throw new UsageError(`${where}: larger than ${MAX_BYTES / 1024} KiB, which is no environment file`);
  if (text.includes('\0')) throw new UsageError(`${where}: not a text file`);
  const names: string[] = [];
  const values: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = `${where}, line ${i + 1}`;
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) {
      throw new UsageError(NAME.test(line) ? `${at}: "${line}" has no value (write ${line}=<value>; a bare name would copy it from the environment docker runs in)` : `${at}: not a NAME=value line`);
    }
    const name = line.slice(0, eq).trim();
    if (/^export\s/.test(name)) throw new UsageError(`${at}: drop "export" (docker run --env-file reads NAME=value lines only)`);
    if (!NAME.test(name)) throw new UsageError(`${at}: not a NAME=value line (a name is letters, digits and _, not starting with a digit)`);
    if (names.includes(name)) throw new UsageError(`${at}: ${name} is set twice`);
    const value = raw.slice(raw.indexOf('=') + 1);
    if (/^["']/.test(value)) throw new UsageError(`${at}: the value of ${name} is quoted: docker run keeps the quotes and compose strips them, so write it unquoted`);
    if (value !== value.trim()) throw new UsageError(`${at}: the value of ${name} starts or ends with spaces, which docker run keeps and compose drops`);
    if (/\s#/.test(value)) throw new UsageError(`${at}: the value of ${name} has " #", which compose reads as a comment and docker run as part of the value`);
    if (value.includes('$')) throw new UsageError(`${at}: the value of ${name} has "$", which compose expands as a variable and docker run does not`);
    names.push(name);
    values.push(value);
  });
  return { path: file, names, values };
}
