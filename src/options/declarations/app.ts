// What the container runs and how it behaves: kind (web or worker), command, port, health check,
// graceful shutdown, writable directories, where the Dockerfile goes.
import type { OptionBehaviours } from '../declaration.js';
import { planEntry, runsEntryFile } from '../../recipes/plan-entry.js';
import * as v from '../../core/validate.js';
import { promptCheck, splitList } from '../question.js';
import { DEFAULT_PORT } from '../flags.js';

export const APP_OPTIONS = {
  worker: {
    async prompt({ given, facts, ask }) {
      if (given.worker !== undefined) return {};
      const kind = await ask({
        type: 'select',
        name: 'kind',
        message: 'What kind of app is this?',
        default: facts.likelyWorker ? 'worker' : 'web',
        choices: [
          { name: 'Web app (listens on a port)', value: 'web' },
          { name: 'Worker (no port, no health check)', value: 'worker' },
        ],
      });
      return { worker: kind === 'worker' };
    },
    summary: (o) => ['kind', o.worker ? 'worker (no port)' : `web app on port ${o.port}`],
    writeBack: { kind: 'setup', args: (o) => [o.worker ? '--worker' : '--no-worker'] },
  },
  entry: {
    summary: (_o, _facts, plan) => ['entry', planEntry(plan)],
    writeBack: { kind: 'setup', args: (_o, plan) => (runsEntryFile(plan) ? ['--entry', planEntry(plan)] : []) },
  },
  start: {
    // Asked instead of an entry file: the recipe's command is the default, so Enter keeps it.
    async prompt({ given, ask, plan }) {
      if (given.start !== undefined || given.entry !== undefined) return {};
      const planned = (await plan()).command.join(' ');
      const start = (await ask({
        type: 'input',
        name: 'start',
        message: 'Command the container runs',
        default: planned,
        validate: (value) => (value.trim() === '' ? 'start: a command is required (e.g. node dist/server.js)' : true),
      })) as string;
      return start.trim() === planned ? {} : { start: start.trim() };
    },
    summary: (_o, _facts, plan) => ['command', plan.command.join(' ')],
    writeBack: { kind: 'setup', args: (_o, plan) => (runsEntryFile(plan) ? [] : ['--start', plan.command.join(' ')]) },
  },
  dockerfile: {
    writeBack: { kind: 'setup', args: (o) => (o.dockerfile === 'Dockerfile' ? [] : ['--dockerfile', o.dockerfile]) },
  },
  port: {
    async prompt({ given, facts, ask, plan }) {
      if (given.worker || given.port !== undefined) return {};
      const port = await ask({
        type: 'input',
        name: 'port',
        message: 'Port the app listens on',
        default: String((await plan()).port ?? facts.port ?? DEFAULT_PORT),
        validate: promptCheck((value) => v.port(value, 'port')),
      });
      return { port: port as string };
    },
    writeBack: { kind: 'setup', args: (o) => (o.port === undefined ? [] : ['--port', String(o.port)]) },
  },
  healthcheckPath: {
    async prompt({ given, facts, ask, plan }) {
      if (given.worker || given.healthcheckPath !== undefined || given.healthcheck !== undefined) return {};
      const path = (await ask({
        type: 'input',
        name: 'healthcheckPath',
        message: 'Health check path (leave empty to check that the port answers HTTP at all)',
        default: (await plan()).healthcheckPath ?? facts.healthcheckPath ?? '',
        validate: promptCheck((value) => (value === '' ? value : v.healthPath(value))),
      })) as string;
      return path === '' ? {} : { healthcheckPath: path };
    },
    summary: (o) => ['health check', o.healthcheckPath ?? (o.noHealthcheck || o.worker ? 'none' : 'any HTTP answer on /')],
    writeBack: {
      kind: 'setup',
      args: (o) => (o.worker ? [] : o.healthcheckPath ? ['--healthcheck-path', o.healthcheckPath] : o.noHealthcheck ? ['--no-healthcheck'] : []),
    },
  },
  shutdown: {
    summary: (o) => ['graceful shutdown', o.shutdown ?? 'preload (unless the app handles SIGTERM itself)'],
    writeBack: { kind: 'setup', args: (o) => (o.shutdown === undefined ? [] : ['--shutdown', o.shutdown]) },
  },
  writableDirs: {
    async prompt({ given, ask, plan }) {
      if (given.writableDirs !== undefined) return {};
      // What the recipe makes writable itself (.next/cache) is always writable: the question asks for more.
      const own = (await plan()).writablePaths;
      const dirs = (await ask({
        type: 'input',
        name: 'writableDirs',
        message: `${own.length > 0 ? `Other directories the app writes to (${own.join(', ')} already writable)` : 'Directories the app writes to'}, comma-separated (everything else stays read-only)`,
        default: '',
        validate: promptCheck((value) => splitList(value).map((d) => v.projectPath(d, 'directory'))),
      })) as string;
      return { writableDirs: splitList(dirs) };
    },
    summary: (o) => ['writable dirs', o.writableDirs.join(', ') || 'none (read-only app files)'],
    writeBack: { kind: 'setup', args: (o) => o.writableDirs.flatMap((d) => ['--writable-dir', d]) },
  },
} satisfies OptionBehaviours;
