// A tolerant reader for JSON with comments and trailing commas (tsconfig.json is written that way by
// `tsc --init`). Strings are matched first in each pattern, so a "//" or "," inside a string is kept.

const STRING = String.raw`"(?:\\.|[^"\\])*"`;
const COMMENT = new RegExp(`(${STRING})|//[^\\n]*|/\\*[\\s\\S]*?(?:\\*/|$)`, 'g');
const TRAILING_COMMA = new RegExp(`(${STRING})|,(\\s*[}\\]])`, 'g');

export function parseJsonc(text: string): unknown {
  const withoutComments = text.replace(/^\uFEFF/, '').replace(COMMENT, (_m, str?: string) => str ?? ' ');
  return JSON.parse(withoutComments.replace(TRAILING_COMMA, (_m, str?: string, tail?: string) => str ?? tail ?? ''));
}
