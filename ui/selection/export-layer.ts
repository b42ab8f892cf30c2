import type { ExportConstraint, PreparedImage } from '../../common/domain'
import { requestAsync } from '../bridge'

/** Asks the sandbox to export a layer as PNG and waits for the bytes. */
export function exportLayerAsync(layerId: string, constraint: ExportConstraint): Promise<PreparedImage> {
  return requestAsync('export-layer', { layerId, constraint })
}
