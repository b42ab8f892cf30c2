// `npm run walk`: measures a Generate click in the built plugin and writes the files it ran into
// docs/architecture.md (test/e2e/generate-walk.e2e.test.ts with WALK_WRITE set; in Node, so that
// it works on every OS). Run `npm run build` first: the walk is of the build in dist/.
import { spawnSync } from 'node:child_process'

const run = spawnSync('npx', ['vitest', 'run', '--project', 'browser', 'test/e2e/generate-walk.e2e.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, WALK_WRITE: '1' },
})
process.exit(run.status ?? 1)
