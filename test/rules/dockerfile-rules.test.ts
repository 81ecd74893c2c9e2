// The rule checker itself must be right before it can judge generated Dockerfiles: a compliant
// multi-stage Dockerfile passes, and for every rule there is a Dockerfile that breaks that rule
// and nothing else, which the checker catches by name.
import { describe, expect, it } from 'vitest';
import { checkDockerfile, RULES } from '../support/dockerfile-rules.js';

const DIGEST = 'sha256:e67514e5d0f6c46656005e1b693b2ec9d52e80b641307de684d4a015ba7a4eaf';
const NODE = `node:24.20.0-alpine3.24@${DIGEST}`;

const COMPLIANT = `# Base image node:24.20.0-alpine3.24, index digest resolved from registry-1.docker.io.
FROM ${NODE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \\
    --mount=type=secret,id=npmrc,target=/root/.npmrc \\
    npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM ${NODE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \\
    --mount=type=secret,id=npmrc,target=/root/.npmrc \\
    npm ci --omit=dev

FROM ${NODE} AS runtime
RUN apk add --no-cache dumb-init
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# 1000:1000 is the image's node user
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["dumb-init", "node", "dist/server.js"]
`;

/** COMPLIANT with each `[search, replacement]` applied; a search that is missing fails the test. */
function variant(...edits: [string, string][]): string {
  return edits.reduce((text, [search, replacement]) => {
    expect(text, `variant edit: "${search}" not found`).toContain(search);
    return text.replace(search, replacement);
  }, COMPLIANT);
}

const rulesOf = (text: string, context?: { now?: Date }) => [...new Set(checkDockerfile(text, context).map((v) => v.rule))];

const SLIM = variant(
  ['RUN apk add --no-cache dumb-init', 'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*'],
);

// Each entry breaks exactly one rule.
const VIOLATIONS: Record<string, [title: string, dockerfile: string, context?: { now?: Date }][]> = {
  'pinned-from': [
    ['no digest', variant([`FROM ${NODE} AS runtime`, 'FROM node:24.20.0-alpine3.24 AS runtime'])],
    ['digest without a tag', variant([`FROM ${NODE} AS runtime`, `FROM node@${DIGEST} AS runtime`])],
    ['moving tag', variant([`FROM ${NODE} AS runtime`, `FROM node:24-alpine@${DIGEST} AS runtime`])],
    ['short digest', variant([`FROM ${NODE} AS runtime`, 'FROM node:24.20.0-alpine3.24@sha256:e67514e5 AS runtime'])],
    ['unresolvable variable', variant([`FROM ${NODE} AS runtime`, 'FROM ${BASE} AS runtime'])],
  ],
  'from-untagged': [['no tag at all', variant([`FROM ${NODE} AS runtime`, 'FROM node AS runtime'])]],
  'from-latest': [['latest tag', variant([`FROM ${NODE} AS runtime`, `FROM node:latest@${DIGEST} AS runtime`])]],
  'node-eol': [['Node 18, past its end of life', variant([`FROM ${NODE} AS runtime`, `FROM node:18.20.8-alpine3.21@${DIGEST} AS runtime`])]],
  'node-not-lts': [['Node 25, an odd line, while it was supported', variant([`FROM ${NODE} AS runtime`, `FROM node:25.2.1-alpine3.22@${DIGEST} AS runtime`]), { now: new Date('2026-03-01T00:00:00Z') }]],
  'stage-as-uppercase': [['lower-case as', variant([`FROM ${NODE} AS runtime`, `FROM ${NODE} as runtime`])]],
  'non-root-user': [
    ['distroless without nonroot and no USER', variant([`FROM ${NODE} AS runtime\nRUN apk add --no-cache dumb-init\n`, `FROM gcr.io/distroless/nodejs24-debian13:debug@${DIGEST} AS runtime\nCOPY --from=deps /usr/bin/tini-static /usr/bin/tini\n`], ['USER 1000:1000\n', ''], ['CMD ["dumb-init", "node", "dist/server.js"]', 'CMD ["tini", "--", "/nodejs/bin/node", "dist/server.js"]'])],
    ['root by number', variant(['USER 1000:1000', 'USER 0:0'])],
    ['no USER', variant(['USER 1000:1000\n', ''])],
    ['root after the non-root user', variant(['EXPOSE 3000', 'USER 0:1000\nEXPOSE 3000'])],
  ],
  'numeric-user': [['named user', variant(['USER 1000:1000', 'USER node'])]],
  'cmd-exec-form': [['shell-form CMD in an earlier stage', variant(['RUN npm run build', 'RUN npm run build\nCMD node build.js'])]],
  'init-pid1': [
    ['no dumb-init', variant(['CMD ["dumb-init", "node", "dist/server.js"]', 'CMD ["node", "dist/server.js"]'])],
    ['no CMD', variant(['CMD ["dumb-init", "node", "dist/server.js"]\n', ''])],
    ['dumb-init not installed', variant(['apk add --no-cache dumb-init', 'apk add --no-cache tini'])],
  ],
  'start-via-package-manager': [
    ['npm start', variant(['CMD ["dumb-init", "node", "dist/server.js"]', 'CMD ["dumb-init", "npm", "start"]'])],
    ['yarn through a shell', variant(['CMD ["dumb-init", "node", "dist/server.js"]', 'CMD ["dumb-init", "sh", "-c", "yarn start"]'])],
  ],
  'entrypoint-exec-form': [['shell-form ENTRYPOINT', variant(['RUN npm run build', 'RUN npm run build\nENTRYPOINT node build.js'])]],
  'no-add': [['ADD', variant(['COPY package.json ./\n', 'ADD package.json ./\n'])]],
  'workdir-absolute': [['relative WORKDIR', variant(['FROM deps AS build\n', 'FROM deps AS build\nWORKDIR app\n'])]],
  'apk-no-cache': [['apk add without --no-cache', variant(['apk add --no-cache dumb-init', 'apk add dumb-init'])]],
  'apt-get-install': [
    ['no -y', variant(['RUN apk add --no-cache dumb-init', 'RUN apk add --no-cache dumb-init\nRUN apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'])],
    ['no --no-install-recommends', variant(['RUN apk add --no-cache dumb-init', 'RUN apk add --no-cache dumb-init\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*'])],
    ['no list cleanup in the same RUN', variant(['RUN apk add --no-cache dumb-init', 'RUN apk add --no-cache dumb-init\nRUN apt-get install -qy --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*'])],
  ],
  'no-sudo': [['sudo', variant(['RUN mkdir -p /app/data', 'RUN sudo mkdir -p /app/data'])]],
  'no-secret-names': [
    ['ARG NPM_TOKEN', variant(['FROM deps AS build\n', 'FROM deps AS build\nARG NPM_TOKEN\n'])],
    ['ENV API_KEY', variant(['EXPOSE 3000', 'ENV API_KEY=abc\nEXPOSE 3000'])],
    ['camelCase ARG', variant(['FROM deps AS build\n', 'FROM deps AS build\nARG npmAuthToken=\n'])],
    ['ENV DB_PASSWORD', variant(['EXPOSE 3000', 'ENV DB_PASSWORD=hunter2\nEXPOSE 3000'])],
  ],
  'no-auth-token-value': [['_authToken in an ENV value', variant(['EXPOSE 3000', 'ENV REGISTRY_LINE=//registry.example.com/:_authToken=abc\nEXPOSE 3000'])]],
  'no-copy-secrets': [
    ['COPY .npmrc', variant(['COPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    npm ci\n', 'COPY package.json package-lock.json .npmrc ./\nRUN npm ci\n'])],
    ['COPY .env', variant(['COPY package.json ./\n', 'COPY package.json ./\nCOPY .env.production /app/.env\n'])],
    ['a RUN that writes .env', variant(['RUN mkdir -p /app/data', 'RUN printf "SECRET=1" > /app/.env && mkdir -p /app/data'])],
    ['JSON-form COPY of a private key', variant(['COPY package.json ./\n', 'COPY package.json ./\nCOPY ["keys/id_rsa", "/root/.ssh/"]\n'])],
  ],
  'final-install-production': [
    ['npm ci in the final stage', variant(['RUN apk add --no-cache dumb-init\n', 'RUN apk add --no-cache dumb-init\nRUN npm ci\n'])],
    ['pnpm without --prod', variant(['RUN apk add --no-cache dumb-init\n', 'RUN apk add --no-cache dumb-init\nRUN npm install -g pnpm@9.15.0 && pnpm install --frozen-lockfile\n'])],
    ['yarn classic without --production', variant(['RUN apk add --no-cache dumb-init\n', 'RUN apk add --no-cache dumb-init\nRUN yarn install --frozen-lockfile\n'])],
    ['yarn berry focus without --production', variant(['RUN apk add --no-cache dumb-init\n', 'RUN apk add --no-cache dumb-init\nRUN yarn workspaces focus --all\n'])],
    ['final stage built FROM the dev install stage', variant([`FROM ${NODE} AS runtime`, 'FROM deps AS runtime'])],
  ],
  'node-env-production': [
    ['missing', variant(['ENV NODE_ENV=production\n', ''])],
    ['development', variant(['ENV NODE_ENV=production', 'ENV NODE_ENV=development'])],
    ['only in an earlier, unrelated stage', variant(['ENV NODE_ENV=production\n', ''], ['FROM deps AS build\n', 'FROM deps AS build\nENV NODE_ENV=production\n'])],
  ],
  'env-key-value-form': [['legacy ENV key value', variant(['EXPOSE 3000', 'ENV PORT 3000\nEXPOSE 3000'])]],
  'npm-install-not-ci': [['npm install in the deps stage', variant(['    npm ci\n\nFROM deps AS build', '    npm install\n\nFROM deps AS build'])]],
  'copy-full-install': [
    ['the whole /app of the full-install stage (fly style)', variant(['COPY --from=build /app/dist ./dist', 'COPY --from=build /app /app'])],
    ['the whole build stage as ".", after the production node_modules (COPY merges, never removes)', variant(['COPY --from=build /app/dist ./dist', 'COPY --from=build /app .'])],
  ],
  'copy-all-before-install': [['the whole context before npm ci', variant(['COPY . .\nRUN npm run build', 'COPY . .\nRUN npm ci\nRUN npm run build'])]],
  'shell-less-runtime': [
    [
      'a Debian final stage that only installs dumb-init and makes a directory',
      variant(
        [`FROM ${NODE} AS runtime`, `FROM node:24.20.0-bookworm-slim@${DIGEST} AS runtime`],
        ['RUN apk add --no-cache dumb-init', 'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*'],
      ),
    ],
  ],
  'no-healthcheck': [['a port but no HEALTHCHECK', variant([/HEALTHCHECK .*\n/.exec(COMPLIANT)![0], ''])]],
  'expose-privileged-port': [['EXPOSE 80', variant(['EXPOSE 3000', 'EXPOSE 80'])]],
  'no-copy-link': [['COPY --link', variant(['COPY --from=build /app/dist', 'COPY --link --from=build /app/dist'])]],
  'no-secret-env-mount': [['secret as env', variant(['RUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    npm ci\n', 'RUN --mount=type=secret,id=npmrc,env=NPMRC npm ci\n'])]],
  'no-syntax-directive': [['# syntax line', `# syntax=docker/dockerfile:1\n${COMPLIANT}`]],
  'no-heredoc': [['RUN heredoc', variant(['RUN mkdir -p /app/data && chown 1000:1000 /app/data', 'RUN <<EOF\nmkdir -p /app/data\nchown 1000:1000 /app/data\nEOF'])]],
  'registry-secret-via-mount': [
    ['.npmrc used without a secret mount', variant(['RUN npm run build', 'RUN npm_config_userconfig=/tmp/.npmrc npm run build'])],
    ['secret mount without id', variant(['--mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    npm ci\n', '--mount=type=secret,target=/root/.npmrc \\\n    npm ci\n'])],
  ],
};

describe('checkDockerfile', () => {
  it('passes a compliant multi-stage Alpine Dockerfile', () => {
    expect(checkDockerfile(COMPLIANT)).toEqual([]);
  });

  it.each([
    ['Debian slim with apt-get', SLIM],
    [
      'a distroless nonroot final stage: versionless tag pinned by digest, its own non-root user, a copied tini',
      variant(
        [`FROM ${NODE} AS runtime\nRUN apk add --no-cache dumb-init\n`, `FROM gcr.io/distroless/nodejs24-debian13:nonroot@${DIGEST} AS runtime\nCOPY --from=deps /usr/bin/tini-static /tini\n`],
        ['RUN mkdir -p /app/data && chown 1000:1000 /app/data\n', ''],
        ['# 1000:1000 is the image\'s node user\nUSER 1000:1000\n', ''],
        ['CMD ["dumb-init", "node", "dist/server.js"]', 'ENTRYPOINT ["/tini", "--", "/nodejs/bin/node"]\nCMD ["dist/server.js"]'],
      ),
    ],
    ['a mirror registry with a port', variant([`FROM ${NODE} AS runtime`, `FROM 127.0.0.1:5000/library/${NODE} AS runtime`])],
    ['the image in a global ARG', `ARG NODE_IMAGE=${NODE}\n${variant([`FROM ${NODE} AS runtime`, 'FROM ${NODE_IMAGE} AS runtime'])}`],
    ['dumb-init as ENTRYPOINT', variant(['CMD ["dumb-init", "node", "dist/server.js"]', 'ENTRYPOINT ["dumb-init", "--"]\nCMD ["node", "dist/server.js"]'])],
    ['pnpm production install in the final stage', variant(['COPY package.json ./\n', 'COPY package.json ./\nRUN npm install -g pnpm@9.15.0 && pnpm install --frozen-lockfile --prod\n'])],
    ['yarn classic production install', variant(['COPY package.json ./\n', 'COPY package.json ./\nRUN yarn install --frozen-lockfile --production\n'])],
    ['yarn berry focus --production', variant(['COPY package.json ./\n', 'COPY package.json ./\nRUN yarn workspaces focus --production\n'])],
    ['registry settings that are not secrets', variant(['FROM deps AS build\n', 'FROM deps AS build\nENV NPM_CONFIG_REGISTRY=https://npm.example.com/ PRIVATE_REGISTRY_HOST=npm.example.com KEYBOARD_LAYOUT=us\n'])],
    ['uid without gid', variant(['USER 1000:1000', 'USER 1000'])],
    ['ADD of a remote archive', variant(['COPY package.json ./\n', 'COPY package.json ./\nADD https://example.com/tool.tar.gz /opt/\n'])],
    ['init: true in compose instead of dumb-init', variant(['CMD ["dumb-init", "node", "dist/server.js"]', 'CMD ["node", "dist/server.js"]']), { composeInit: true }],
    ['the whole build stage after npm prune --omit=dev (fly with a build)', variant(['RUN npm run build', 'RUN npm run build\nRUN npm prune --omit=dev'], ['COPY --from=build /app/dist ./dist', 'COPY --from=build /app /app'])],
    ['the whole build stage after rm -rf node_modules (ours, output unknown)', variant(['RUN npm run build', 'RUN npm run build\nRUN rm -rf node_modules'], ['COPY --from=build /app/dist ./dist', 'COPY --from=build /app .'])],
    ['the whole /app of a production-only install stage', variant(['COPY --from=build /app/dist ./dist\n', ''], ['COPY --from=prod-deps /app/node_modules ./node_modules', 'COPY --from=prod-deps /app /app'])],
    ['an npm ci --omit=dev in the final stage', variant(['COPY package.json ./\n', 'COPY package.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev\n'])],
  ] as [string, string, { composeInit?: boolean }?][])('also passes: %s', (_title, dockerfile, context) => {
    expect(checkDockerfile(dockerfile, context)).toEqual([]);
  });

  it('has a violating example for every rule in the table', () => {
    expect(Object.keys(VIOLATIONS).sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  for (const [rule, cases] of Object.entries(VIOLATIONS)) {
    it.each(cases)(`${rule}: catches %s, and nothing else`, (_title, dockerfile, context) => {
      expect(rulesOf(dockerfile, context)).toEqual([rule]);
    });
  }

  it('reports the 1-based line of the offending instruction and a message naming it', () => {
    const violations = checkDockerfile(variant(['COPY package.json ./\n', 'ADD package.json ./\n']));
    const line = COMPLIANT.split('\n').indexOf('COPY package.json ./') + 1;
    expect(violations).toEqual([{ rule: 'no-add', line, message: 'ADD copies local files with extra behaviour (archive extraction, URLs)' }]);
  });

  it('names the package manager of a shell-form npm start, besides the shell form itself', () => {
    const violations = checkDockerfile(variant(['CMD ["dumb-init", "node", "dist/server.js"]', 'CMD npm start']));
    expect(violations.map((v) => v.rule)).toEqual(['cmd-exec-form', 'init-pid1', 'start-via-package-manager']);
    expect(violations.map((v) => v.message)).toContain('the app is started through npm, which does not forward SIGTERM to Node; run node directly');
  });

  it('fails an empty Dockerfile on the rules that need a final stage', () => {
    expect(rulesOf('')).toEqual(expect.arrayContaining(['non-root-user', 'node-env-production']));
  });
});
