import { describe, expect, it } from 'vitest';
import { redactResult, valueRedactor } from '../../src/verify/redact-values.js';

describe('--run-env-file values are redacted from verify output', () => {
  it('every occurrence, the longer value first; short values (ports, flags) are left', () => {
    const redact = valueRedactor(['s3cret-token', 's3cret', '3000', 'on']);
    expect(redact('token s3cret-token and s3cret on port 3000')).toBe('token *** and *** on port ***');
    expect(redact('on')).toBe('on');
  });

  it('hint, check details, log lines and the unreachable line all pass through it', () => {
    const redact = valueRedactor(['hunter22']);
    const out = redactResult(
      { checks: [{ name: 'stays up', ok: false, seconds: 1, detail: 'docker run failed: hunter22' }], hint: 'x hunter22', unreachable: 'u hunter22', logLines: ['config: hunter22'], cancelled: false, ok: false, leftovers: [] },
      redact,
    );
    expect(JSON.stringify(out)).not.toContain('hunter22');
    expect(out.logLines).toEqual(['config: ***']);
  });
});
