// --run-env-file is parsed at the boundary to the one format `docker run --env-file` and compose's
// env_file read the same way; a bad line is one message that names the line, never a value.
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../src/options/validate-env-file.js';
import { UsageError } from '../../src/errors.js';

const parse = (text: string) => parseEnvFile(text, '.env');
const refusal = (text: string) => {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('--run-env-file parsing', () => {
  it('NAME=value lines, comments and blank lines; values kept exactly (an = inside a value too)', () => {
    expect(parse('# settings\n\nSESSION_SECRET=abc=def\r\nDATABASE_URL=postgres://u:p@db/app\nEMPTY=\n')).toEqual({
      path: '.env',
      names: ['SESSION_SECRET', 'DATABASE_URL', 'EMPTY'],
      values: ['abc=def', 'postgres://u:p@db/app', ''],
    });
  });

  it.each([
    ['SECRET', '.env, line 1: "SECRET" has no value'],
    ['SECRET="hunter22"', 'the value of SECRET is quoted'],
    ["SECRET='hunter22'", 'the value of SECRET is quoted'],
    ['export SECRET=hunter22', 'drop "export"'],
    ['1SECRET=hunter22', 'not a NAME=value line'],
    ['A=1\nA=2', 'line 2: A is set twice'],
    ['SECRET=hunter22 # note', 'compose reads as a comment'],
    ['SECRET=hun$ter22', 'compose expands as a variable'],
    ['SECRET=hunter22 ', 'starts or ends with spaces'],
  ])('refuses %j in one line that quotes no value', (text, expected) => {
    const message = refusal(text);
    expect(message).toContain(expected);
    expect(message).not.toContain('hunter22');
    expect(message).not.toContain('\n');
  });

  it('a binary or huge file is no env file', () => {
    expect(refusal('A=1\0')).toContain('not a text file');
    expect(refusal(`A=${'x'.repeat(300 * 1024)}`)).toContain('no environment file');
  });
});
