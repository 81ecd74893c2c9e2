// Splits a start command (a package.json script or the --start flag) into steps of words, the way a
// POSIX shell would for the small subset we accept: words, '...' and "..." quotes, and `&&` / `;`
// between steps. Everything else a shell would do (expansion, pipes, redirections, background jobs,
// command substitution, escapes) is reported as an operator so the caller can refuse it: an exec-form
// CMD runs no shell, so a command that needs one would silently do something else in the container.
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';

export interface Step {
  words: string[];
  /** The step as written (trimmed), for build steps and messages. */
  text: string;
}

export interface Tokenized {
  steps: Step[];
  /** A `| tool` pipe after the last step (`node x.js | pino-pretty`): the tool's words. */
  pipedTo?: string[];
}

/** Characters that mean the command needs a shell; refused wherever they appear outside single quotes. */
const SHELL_ONLY: [RegExp, string][] = [
  [/[\r\n]/, 'a line break'],
  // eslint-disable-next-line no-control-regex
  [/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/, 'a control character'],
  [/\$/, '"$" (variable or command substitution)'],
  [/`/, 'a backtick (command substitution)'],
  [/\\/, 'a backslash'],
];

/** Operators between words, longest first. */
const OPERATORS = ['&&', '||', '>>', '2>', '&', '|', ';', '>', '<'];

/**
 * `source` names where the text came from ("package.json scripts.start", "--start") for the one-line error.
 * `allowSteps`: whether `&&`/`;` may separate steps (scripts: yes, --start: no).
 */
export function tokenize(text: string, source: string, allowSteps: boolean): Tokenized {
  for (const [pattern, what] of SHELL_ONLY) {
    if (pattern.test(text)) throw refusal(source, text, what);
  }
  const steps: Step[] = [];
  let words: string[] = [];
  let stepStart = 0;
  let pipedTo: string[] | undefined;
  let i = 0;
  const endStep = (end: number) => {
    if (words.length === 0) throw new UsageError(`${source}: an empty command around an operator in "${printable(text)}"`);
    steps.push({ words, text: text.slice(stepStart, end).trim() });
    words = [];
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, i));
    if (operator !== undefined) {
      if (pipedTo !== undefined) throw refusal(source, text, `"${operator}" after a pipe`);
      if ((operator === '&&' || operator === ';') && allowSteps) {
        endStep(i);
        i += operator.length;
        stepStart = i;
        continue;
      }
      if (operator === '|' && allowSteps) {
        endStep(i);
        pipedTo = [];
        words = pipedTo;
        i++;
        continue;
      }
      throw refusal(source, text, `"${operator}"`);
    }
    const [word, next] = readWord(text, i, source);
    words.push(word);
    i = next;
  }
  if (pipedTo !== undefined) {
    if (pipedTo.length === 0) throw new UsageError(`${source}: nothing after "|" in "${printable(text)}"`);
    return { steps, pipedTo };
  }
  if (words.length > 0) endStep(text.length);
  else if (steps.length > 0) throw new UsageError(`${source}: a command ends with an operator in "${printable(text)}"`);
  return { steps };
}

/** One word starting at `start`, with quotes removed (`a"b c"d` is one word `ab cd`). */
function readWord(text: string, start: number, source: string): [string, number] {
  let word = '';
  let i = start;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch) || OPERATORS.some((op) => text.startsWith(op, i))) break;
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) throw new UsageError(`${source}: unbalanced ${ch} quote in "${printable(text)}"`);
      word += text.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (ch === '(' || ch === ')') throw refusal(source, text, `"${ch}" (a subshell)`);
    word += ch;
    i++;
  }
  return [word, i];
}

function refusal(source: string, text: string, what: string): UsageError {
  return new UsageError(
    `${source} "${printable(text)}" contains ${what}, which needs a shell; the container runs one command in exec form without a shell (pass --start "<command>" with a single command, e.g. --start "node server.js")`,
  );
}
