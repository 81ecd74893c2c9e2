// Turns the TypeScript graceful-shutdown module into the JavaScript the generator writes for
// plain-JS projects, by deleting type syntax and nothing else: the user's file keeps the source's
// comments, blank lines and layout (tsc and esbuild would drop blank lines and comments and
// reformat), and the repository holds one hand-maintained copy of the logic instead of three.
//
// This is deliberately not a general TypeScript stripper. It handles the subset the template is
// written in: `import type` lines, top-level `type`/`interface` declarations, annotated
// parameters (a `this` parameter included) and return types of `function` declarations (one line each), and annotated
// `const`/`let` declarations. Callbacks are left unannotated (their types are inferred), and
// `as`, `!`, generics in expressions and enums are not used. test/shutdown/strip-types.test.ts
// proves the output equals what the TypeScript compiler emits for the same source, so a template
// edit outside the subset fails the test instead of shipping TypeScript in a .js file.

const TYPE_DECLARATION = /^(export )?(type|interface) \w+/;
const FUNCTION_SIGNATURE = /^(\s*(?:export )?(?:async )?function\s+\w+)\((.*)$/;
const ANNOTATED_VARIABLE = /^(\s*(?:export )?(?:const|let|var) \w+): (.*)$/;

const OPENERS = '([{<';
const CLOSERS = ')]}>';

export function stripTypes(typescript: string): string {
  const out: string[] = [];
  const lines = typescript.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^import type /.test(line)) continue;
    if (TYPE_DECLARATION.test(line)) {
      dropTrailingComment(out);
      i = endOfDeclaration(lines, i);
      continue;
    }
    out.push(stripLine(line));
  }
  // Removed declarations leave runs of blank lines behind; keep at most one, none at the start.
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '');
}

function stripLine(line: string): string {
  const fn = FUNCTION_SIGNATURE.exec(line);
  if (fn) {
    const [, head = '', rest = ''] = fn;
    const close = findTopLevel(rest, 0, (ch) => ch === ')');
    // A `this` parameter is a type annotation only: it disappears with its comma.
    const params = splitTopLevel(rest.slice(0, close), ',')
      .map(stripParameter)
      .filter((parameter) => parameter.trim() !== 'this')
      .join(',')
      .trimStart();
    const afterParams = rest.slice(close + 1);
    // A return type runs from ": " to the body's opening brace at the end of the line.
    const body = afterParams.startsWith(':') ? afterParams.slice(afterParams.lastIndexOf(' {')) : afterParams;
    return `${head}(${params})${body}`;
  }
  const variable = ANNOTATED_VARIABLE.exec(line);
  if (variable) {
    const [, head = '', rest = ''] = variable;
    return head + rest.slice(endOfType(rest, 0));
  }
  return line;
}

/** `name?: Type = value` -> `name = value`; also destructuring patterns such as `{ a, b }: T`. */
function stripParameter(parameter: string): string {
  const colon = findTopLevel(parameter, 0, (ch) => ch === ':');
  if (colon === parameter.length) return parameter;
  const name = parameter.slice(0, colon).replace(/\?$/, '');
  return name + parameter.slice(endOfType(parameter, colon + 1));
}

/** Index where a type starting at `from` ends: the first top-level `=` (not `=>`), `,` or `;`. */
function endOfType(text: string, from: number): number {
  const end = findTopLevel(text, from, (ch) => ch === '=' || ch === ',' || ch === ';');
  // Keep the space before " = value".
  return text[end] === '=' && text[end - 1] === ' ' ? end - 1 : end;
}

/**
 * Index of the first character from `from` on that is outside any (), [], {} or <> nesting and
 * satisfies `isEnd`, or text.length. Quoted strings and the `>` of `=>` are skipped, so a closing
 * bracket of the enclosing list (e.g. the `)` ending a parameter list) counts as top level.
 */
function findTopLevel(text: string, from: number, isEnd: (ch: string) => boolean): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '=' && text[i + 1] === '>') i++;
    else if (depth === 0 && isEnd(ch)) return i;
    else if (ch === "'" || ch === '"') i = text.indexOf(ch, i + 1);
    else if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth--;
  }
  return text.length;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let rest = text;
  const isSeparator = (ch: string) => ch === separator;
  for (let at = findTopLevel(rest, 0, isSeparator); at < rest.length; at = findTopLevel(rest, 0, isSeparator)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

/** Last line of the declaration starting at `start`: an interface's `}`, a type alias's `;`. */
function endOfDeclaration(lines: string[], start: number): number {
  const isInterface = /^(export )?interface /.test(lines[start] ?? '');
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isInterface ? line === '}' : line.trimEnd().endsWith(';')) return i;
  }
  throw new Error(`stripTypes: declaration at line ${start + 1} never ends`);
}

/** Removes a doc or line comment that documented a removed declaration. */
function dropTrailingComment(out: string[]): void {
  const last = out.at(-1)?.trim() ?? '';
  if (last.startsWith('//')) {
    while (out.at(-1)?.trim().startsWith('//')) out.pop();
  } else if (last.endsWith('*/')) {
    while (out.length > 0 && !(out.pop() ?? '').trim().startsWith('/*'));
  }
}
