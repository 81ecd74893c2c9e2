import type { DockerCli } from './docker-cli.js';

/** What a built image holds that it must not (property 5). Every list should be empty. */
export interface ImageContents {
  workdir: string;
  /** devDependencies of package.json found under node_modules. */
  devDependencies: string[];
  /** Compilers and build tools on PATH: g++, gcc, make. */
  buildTools: string[];
  /** .npmrc, .env*, .git anywhere in the app dir or the users' homes. */
  forbiddenFiles: string[];
  /** Paths under the app dir that uid 1000 may write, outside the declared writable dirs. */
  writableByApp: string[];
  /** Whether `touch` as uid 1000 could create or change a file in the app dir. */
  appUserCanTouch: boolean;
  /** Whether the running check saw the app dir at all (guards against a check of nothing). */
  appFilesSeen: number;
}

/** Run a shell script in a throwaway container of the image, without network; `args` are $1, $2, ... */
async function inImage(docker: DockerCli, image: string, user: string, script: string, args: readonly string[] = []): Promise<string> {
  const r = await docker.run(['run', '--rm', '--network', 'none', '--user', user, '--entrypoint', '/bin/sh', image, '-c', script, 'sh', ...args]);
  return r.stdout;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export async function inspectImageContents(docker: DockerCli, image: string, devDependencies: readonly string[], writableDirs: readonly string[] = []): Promise<ImageContents> {
  const workdir = (await docker.out(['image', 'inspect', '--format', '{{.Config.WorkingDir}}', image])) || '/';
  const dev = lines(
    await inImage(docker, image, '0:0', 'cd "$1" 2>/dev/null || exit 0; shift; for name; do find node_modules -maxdepth 5 -path "*node_modules/$name" 2>/dev/null | head -1; done', [workdir, ...devDependencies]),
  );
  const buildTools = lines(await inImage(docker, image, '0:0', 'for t in g++ gcc make cc c++; do command -v "$t" || true; done'));
  const forbiddenFiles = lines(
    await inImage(
      docker,
      image,
      '0:0',
      `find "$1" /root /home/node -xdev -path "$1/node_modules" -prune -o \\( -name .npmrc -o -name .env -o -name '.env.*' -o -name .git \\) -print 2>/dev/null || true`,
      [workdir],
    ),
  );
  const writable = lines(await inImage(docker, image, '1000:1000', 'find "$1" -writable 2>/dev/null | head -50', [workdir]));
  const writableByApp = writable.filter((p) => !writableDirs.some((d) => p === `${workdir}/${d}` || p.startsWith(`${workdir}/${d}/`)));
  const touch = await inImage(
    docker,
    image,
    '1000:1000',
    'cd "$1"; ok=no; touch e2e-probe 2>/dev/null && ok=yes; touch package.json 2>/dev/null && ok=yes; [ -d node_modules ] && touch node_modules/e2e-probe 2>/dev/null && ok=yes; echo $ok',
    [workdir],
  );
  const seen = Number((await inImage(docker, image, '0:0', 'find "$1" -xdev | wc -l', [workdir])).trim());
  return { workdir, devDependencies: dev, buildTools, forbiddenFiles, writableByApp, appUserCanTouch: touch.trim() === 'yes', appFilesSeen: seen };
}
