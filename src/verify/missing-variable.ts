// An app (or a build) that stops because a variable is not set: find the variable's name in the
// log, so the hint can name it. Pure; tested on logs captured from real runs (test/verify/logs).

/** A line that says an environment variable is absent. */
const ENV_WORDS = /\benv(?:ironment)?[ _-]?var(?:iable)?s?\b|process\.env\.|\benv(?:ironment)?\b/i;
const ABSENT = /\b(?:is not set|not set|is missing|missing|is required|required|is undefined|undefined|is not defined|not defined|must be (?:set|defined|provided)|not provided|is empty)\b/i;
/** An ALL_CAPS name; one with an underscore is the likelier variable. */
const NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z][A-Z0-9]{2,}\b/g;
/** Capitalised words that are not variable names. */
const NOT_A_NAME = new Set(['ERROR', 'ERR', 'ENV', 'FATAL', 'WARN', 'WARNING', 'INFO', 'DEBUG', 'HTTP', 'URL', 'API', 'JSON', 'NODE', 'TRACE', 'UNCAUGHT', 'TYPEERROR']);

export interface MissingVariable {
  /** Undefined when the log says a variable is missing without naming one. */
  name?: string;
  /** The log line that says so. */
  line: string;
}

export function missingVariable(log: string): MissingVariable | undefined {
  for (const raw of log.split('\n')) {
    const line = raw.trim();
    if (/^\s*at\s/.test(raw) || !ABSENT.test(line)) continue;
    const names = [...line.matchAll(NAME)].map((m) => m[0]).filter((n) => !NOT_A_NAME.has(n) && !/^ERR_/.test(n));
    const name = names.find((n) => n.includes('_')) ?? names[0];
    const explicit = ENV_WORDS.test(line);
    // "SESSION_SECRET must be set" names a variable without the word "environment"; "FOO is not defined" alone is a JavaScript ReferenceError.
    if (explicit && (name !== undefined || /variable/i.test(line))) return { ...(name ? { name } : {}), line };
    if (!explicit && name?.includes('_') && /must be (?:set|defined|provided)|is not set|is required|is missing/i.test(line) && !/ReferenceError/.test(line)) return { name, line };
  }
  return undefined;
}
