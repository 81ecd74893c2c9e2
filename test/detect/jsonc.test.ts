// tsconfig-style JSON: comments and trailing commas outside strings.
import { expect, test } from 'vitest';
import { parseJsonc } from '../../src/detect/jsonc.js';

test('comments and trailing commas are removed, strings are kept verbatim', () => {
  const text = `{
    // line comment
    "a": "http://x/y", /* block
    comment */ "b": ["//not a comment", "/* nor this */", "quote \\" // inside",],
    "c": { "d": 1, },
  }`;
  expect(parseJsonc(text)).toEqual({ a: 'http://x/y', b: ['//not a comment', '/* nor this */', 'quote " // inside'], c: { d: 1 } });
});

test('a comma inside a string before a bracket stays', () => {
  expect(parseJsonc('{"a": ", ]"}')).toEqual({ a: ', ]' });
});

test('invalid input still throws', () => {
  expect(() => parseJsonc('{ "a": }')).toThrow(SyntaxError);
});

test('a trailing comma followed by a comment is still a trailing comma', () => {
  expect(parseJsonc('{ "a": [1, /* last */ ], // end\n }')).toEqual({ a: [1] });
});
