// The three views of a list of findings: human lines (`file:line  id  message` + fix), JSON
// ({"findings": [...]}) and SARIF 2.1.0 with the rule metadata GitHub code scanning shows.
import { RULE_CATALOG, RULE_IDS, type Finding, type RuleMeta, type Severity } from './catalog.js';

/** Text from a checked file (an ENV name, a FROM reference) with control characters made visible, so it cannot drive the terminal. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function humanReport(findings: readonly Finding[], checked: readonly string[]): string {
  if (findings.length === 0) return `No findings in ${checked.map(terminalSafe).join(', ')}.\n`;
  const lines = findings.map((f) => `${terminalSafe(f.file)}:${f.line}  ${f.rule}  ${terminalSafe(f.message)}\n    fix: ${f.fix}\n`);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `${lines.join('')}\n${findings.length} finding${findings.length === 1 ? '' : 's'} (${count('error')} error, ${count('warning')} warning, ${count('info')} info) in ${checked.map(terminalSafe).join(', ')}.\n`;
}

export function jsonReport(findings: readonly Finding[]): string {
  return JSON.stringify({ findings: findings.map(({ rule, severity, file, line, message, fix }) => ({ rule, severity, file, line, message, fix })) });
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

function helpText(meta: RuleMeta): string {
  const refs = Object.entries(meta.refs).map(([tool, id]) => `${tool} ${id}`);
  return `${meta.fix}${refs.length > 0 ? `\nSame check as: ${refs.join(', ')}.` : ''}`;
}

export function sarifReport(findings: readonly Finding[], tool: { version: string }): string {
  const rules = RULE_IDS.map((id) => {
    const meta: RuleMeta = RULE_CATALOG[id];
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: meta.message },
      fullDescription: { text: meta.message },
      help: { text: helpText(meta) },
      ...(meta.refs.hadolint ? { helpUri: `https://github.com/hadolint/hadolint/wiki/${meta.refs.hadolint}` } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
      properties: { tags: ['security', 'docker'], 'security-severity': SECURITY_SEVERITY[meta.severity], ...meta.refs },
    };
  });
  const results = findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: RULE_IDS.indexOf(f.rule),
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.message}. Fix: ${f.fix}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.line } } }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'create-secure-node-docker', version: tool.version, informationUri: 'https://www.npmjs.com/package/create-secure-node-docker', rules } },
        results,
      },
    ],
  };
  return JSON.stringify(log);
}
