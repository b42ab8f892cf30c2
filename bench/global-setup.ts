import { buildHostAsync } from '../test/e2e/host/build-host'
import { buildBenchPageAsync } from './page/build-page'

/** Once per bench run: the measuring page, and the host page the batch bench opens the plugin in. */
export default async function setup(): Promise<void> {
  await buildBenchPageAsync()
  await buildHostAsync()
}
