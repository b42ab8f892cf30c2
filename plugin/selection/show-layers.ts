import { ShownError } from '../answer-requests'
import type { RequestArgs } from '../../common/messages'
import { pageOf } from '../placing/new-layer'

/**
 * Selects the layers that are still there and zooms to them, going to their
 * page first: a result may have landed beside a layer on another page. A
 * page's own id, when none of the layers is left (a brand kit's page, its
 * references all moved or deleted), goes to that page and shows all of it.
 */
export async function showLayersAsync({ layerIds }: RequestArgs<'show-layers'>): Promise<null> {
  const found = await Promise.all(layerIds.map((id) => figma.getNodeByIdAsync(id)))
  const nodes = found.filter((node): node is SceneNode => node !== null && !node.removed && node.type !== 'PAGE' && 'visible' in node)
  const page = pageOf(nodes[0]) ?? found.find((node): node is PageNode => node?.type === 'PAGE' && !node.removed)
  if (!page) throw new ShownError('The image is no longer in the file: it was deleted.')
  if (page.id !== figma.currentPage.id) await figma.setCurrentPageAsync(page)
  const onPage = nodes.filter((node) => pageOf(node) === page)
  page.selection = onPage
  figma.viewport.scrollAndZoomIntoView(onPage.length > 0 ? onPage : page.children)
  return null
}
