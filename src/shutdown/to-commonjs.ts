// Turns the ES-module flavour of the graceful-shutdown module into CommonJS, line by line:
// `import { a } from 'x';` becomes `const { a } = require('x');`, `export function f` loses its
// `export`, and one `module.exports = { ... }` at the end lists what was exported. Like
// strip-types.ts it covers exactly the forms the template uses and fails loudly on others, so the
// CommonJS file stays as readable as the source it comes from.

const NAMED_IMPORT = /^import (\{[^}]*\}) from ('[^']+');$/;
const EXPORTED_DECLARATION = /^export ((?:async )?function\*? (\w+)|(?:const|let|var) (\w+))/;

export function toCommonJs(esm: string): string {
  const exported: string[] = [];
  const body = esm.split('\n').map((line) => {
    const named = NAMED_IMPORT.exec(line);
    if (named) return `const ${named[1]} = require(${named[2]});`;
    const declaration = EXPORTED_DECLARATION.exec(line);
    if (declaration) {
      exported.push(declaration[2] ?? declaration[3] ?? '');
      return line.slice('export '.length);
    }
    if (/^(import|export)\b/.test(line)) throw new Error(`toCommonJs: unsupported module syntax: ${line}`);
    return line;
  });
  if (exported.length === 0) throw new Error('toCommonJs: the module exports nothing');

  // 'use strict' must be the first statement; it may follow the leading doc comment.
  const headerEnd = leadingCommentEnd(body);
  body.splice(headerEnd, 0, "'use strict';", '');
  return `${body.join('\n').trimEnd()}\n\nmodule.exports = { ${exported.join(', ')} };\n`;
}

/** Index of the first line after the file's leading block comment (0 if there is none). */
function leadingCommentEnd(lines: string[]): number {
  if (!lines[0]?.startsWith('/*')) return 0;
  const end = lines.findIndex((line) => line.trimEnd().endsWith('*/'));
  return end + 1;
}
