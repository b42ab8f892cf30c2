import { describe, expect, it, vi } from 'vitest'
import type { BrandKit } from '../../../../common/brand-kit'
import type { SelectedLayer } from '../../../../common/selection'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { createGeneration } from '../../../../ui/generation/generation'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { propose, requestLine } from '../../../../ui/generation/plan/propose'
import { BUILT_IN_MODELS } from '../../../../ui/models'
import { runningRequest } from '../../../../ui/views/request/RequestOptions'

// The foot's words are read without drawing the panel: its components are not needed here.
vi.mock('@create-figma-plugin/ui', () => ({}))

const frame = (id: string, width = 1200, height = 628): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable: true, madeHere: false })
const image = (id: string): SelectedLayer => ({ ...frame(id, 800, 600), name: `Shot ${id}`, type: 'RECTANGLE', showsImage: true })
const brandKit: BrandKit = { id: '0:9', name: 'Acme', references: [], fonts: [], palette: ['#FF0000'], note: '', checks: [], problems: [] }

describe('the foot while a job runs', () => {
  it('says what the job sends as the offer pressed said it, whichever offer of the selection it was', async () => {
    // Cancelled as soon as it is drawn: nothing is exported, sent or placed.
    const generation = createGeneration({
      exportLayer: () => Promise.reject(new Error('nothing to export')),
      createEncoder: () => {
        throw new Error('nothing to encode')
      },
      endUndoStep: async () => null,
    })
    const selections: SelectedLayer[][] = [[], [frame('a')], [{ ...image('a'), expandsToRatio: true }], [image('a'), image('b')], [image('k'), frame('a'), frame('b')]]
    const kinds = new Set<string>()
    for (const kit of [null, { kit: brandKit, fontUrls: [], problems: [] }]) {
      for (const selection of selections) {
        const { primary, secondary, more } = propose(planClick({ state: { ...DEFAULT_STATE, prompt: 'A paper boat' }, selection, roles: {}, models: BUILT_IN_MODELS, kit }), selection)
        for (const offer of [primary, ...secondary, ...more].filter((o) => o.count > 0)) {
          const done = generation.start(offer.tasks, { key: 'sk-or-v1-test', models: BUILT_IN_MODELS })
          expect(runningRequest(generation.getState().job!.sends)).toEqual({ line: requestLine(offer), kit: offer.first?.brandKit?.name })
          generation.cancel()
          await done
          kinds.add(offer.kind)
        }
      }
    }
    expect([...kinds].sort()).toEqual(['combine', 'expand', 'formats', 'generate', 'refine-each', 'remove-background', 'replace', 'upscale-each', 'upscale-with-references'])
  })
})
