import { buildHostAsync } from './host/build-host'

/** Once per test run: the browser tests load the host page from test-results/host. */
export default async function setup(): Promise<void> {
  await buildHostAsync()
}
