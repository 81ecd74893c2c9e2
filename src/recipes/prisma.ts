// Prisma as an add-on to any recipe's plan: the client is generated in the build stage
// (`prisma generate`), the schema is in place before an install whose @prisma/client postinstall
// reads it, the generated client reaches the runtime stage, Alpine gets the openssl the query
// engine links against, and migrations are NOT run at build time: README.Docker.md says how to run
// `prisma migrate deploy` as a release step.
import { installFile, installFolder, uniqueInputs } from '../core/install-input.js';
import path from 'node:path/posix';
import { isRecord } from '../detect/package-json.js';
import * as v from '../core/validate.js';
import type { Copy, RecipeContext, RecipePlan } from './types.js';

export interface AddOn {
  id: string;
  applies(ctx: RecipeContext): Promise<boolean> | boolean;
  amend(plan: RecipePlan, ctx: RecipeContext): Promise<RecipePlan> | RecipePlan;
}

const DEFAULT_SCHEMA = 'prisma/schema.prisma';

export const prismaAddOn: AddOn = {
  id: 'prisma',
  applies: ({ pkg }) => pkg.dependencies['@prisma/client'] !== undefined || pkg.dependencies.prisma !== undefined || pkg.devDependencies.prisma !== undefined,
  async amend(plan, ctx) {
    const schema = await schemaPath(ctx);
    if (schema === undefined) {
      ctx.warnings.push('Prisma is a dependency but no schema was found (prisma/schema.prisma or package.json "prisma.schema"): the client is not generated in the image');
      return plan;
    }
    const file = await ctx.fs.read(schema);
    const text = file ?? (await readDirSchemas(ctx, schema));
    const output = generatorOutput(text, schema);
    const generated: Copy[] = output
      ? covered(plan.runtimeCopies, output) ? [] : [{ from: 'build', src: output }]
      : [{ from: 'build', src: 'node_modules/.prisma' }];
    const config = (await ctx.fs.exists('prisma.config.ts')) ? ['prisma.config.ts'] : [];
    return {
      ...plan,
      // generate first: the app's build (tsc) compiles against the generated client.
      buildSteps: ['npx prisma generate', ...plan.buildSteps.filter((s) => !/\bprisma generate\b/.test(s))],
      installInputs: uniqueInputs([...plan.installInputs, file !== undefined ? installFile(schema) : installFolder(schema), ...config.map(installFile)]),
      // After the production node_modules, so the generated client is not overwritten.
      runtimeCopies: insertAfterDeps(plan.runtimeCopies, generated),
      env: { ...plan.env, CHECKPOINT_DISABLE: '1' },
      buildEnv: { ...plan.buildEnv, CHECKPOINT_DISABLE: '1' },
      systemPackages: { build: plan.systemPackages.build, runtime: [...new Set([...plan.systemPackages.runtime, 'openssl'])] },
      nextSteps: [
        ...plan.nextSteps,
        'Prisma migrations do not run at build or start: run "npx prisma migrate deploy" as a release step before rolling out, e.g. from CI with DATABASE_URL set, or from the build stage: docker build --target build -t app-migrate . && docker run --rm -e DATABASE_URL app-migrate npx prisma migrate deploy',
      ],
    };
  },
};

async function schemaPath(ctx: RecipeContext): Promise<string | undefined> {
  const pkgText = await ctx.fs.read('package.json');
  const raw: unknown = pkgText === undefined ? undefined : JSON.parse(pkgText);
  const configured = isRecord(raw) && isRecord(raw.prisma) && typeof raw.prisma.schema === 'string' ? v.projectPath(raw.prisma.schema, 'package.json prisma.schema') : undefined;
  for (const candidate of [configured, DEFAULT_SCHEMA, 'schema.prisma', 'prisma/schema']) {
    if (candidate !== undefined && (await ctx.fs.exists(candidate))) return candidate;
  }
  return undefined;
}

async function readDirSchemas(ctx: RecipeContext, dir: string): Promise<string> {
  const files = (await ctx.fs.list(dir)).filter((f) => f.endsWith('.prisma'));
  const texts = await Promise.all(files.map((f) => ctx.fs.read(`${dir}/${f}`)));
  return texts.join('\n');
}

/** The client generator's `output`, relative to the project root, when the schema sets one. */
export function generatorOutput(schemaText: string, schemaFile: string): string | undefined {
  for (const block of schemaText.matchAll(/generator\s+\w+\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? '';
    if (!/provider\s*=\s*"prisma-client(-js)?"/.test(body)) continue;
    const output = /output\s*=\s*"([^"]+)"/.exec(body)?.[1];
    if (output === undefined) return undefined;
    const base = schemaFile.endsWith('.prisma') ? path.dirname(schemaFile) : schemaFile;
    return v.projectPath(path.normalize(path.join(base, output)), 'schema.prisma generator output');
  }
  return undefined;
}

function covered(copies: Copy[], file: string): boolean {
  return copies.some((c) => {
    const dest = c.dest ?? c.src;
    return dest === '.' || file === dest || file.startsWith(`${dest}/`);
  });
}

function insertAfterDeps(copies: Copy[], extra: Copy[]): Copy[] {
  const at = copies.findIndex((c) => c.from === 'deps') + 1;
  return [...copies.slice(0, at), ...extra, ...copies.slice(at)];
}
