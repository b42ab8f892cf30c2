import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE } from '../../ui/defaults'
import { loadCatalogAsync } from '../../ui/models/catalog/load-catalog'
import { chooseModelList } from '../../ui/models/model-list'
import { fitSettingsToModel } from '../../ui/models'
import { checkKeyAsync } from '../../ui/openrouter/sign-in/key'
import { estimateCost, highestUsd } from '../../ui/pricing'
import { readImageInfo } from '../../ui/image/image-info'
import type { ModelCapabilities } from '../../common/models'
import { generateOnceAsync } from '../ui/generation/generate-once'

/** Where the checks go: OpenRouter itself, or the stand-in that imitates it. */
export interface ContractTarget {
  key: string
  /** Unset: openrouter.ai, as the product sends. */
  baseUrl?: string
  /** The most the one generation may cost, by the product's own estimate before it is sent (USD). */
  spendLimit: number
}

/** Generous: a Riverflow image can take a minute or more on the real service. */
const GENERATION_TIMEOUT_MS = 5 * 60_000

/**
 * The contract the panel relies on (docs/contracts.md), checked through the panel's own code: the
 * key's record, the catalog with each Riverflow model's capabilities and prices, and one image from
 * prompt to what the sandbox would be asked to place, with what it cost. The same checks run
 * against the stand-in on every test run (so they are known to work) and against openrouter.ai with
 * a maintainer's key (so the stand-in is known to tell the truth).
 */
export function describeOpenRouterContract(name: string, target: () => ContractTarget): void {
  describe(name, () => {
    it('reads the key: its credit, what it has used and whether it is a free-tier key', async () => {
      const { key, baseUrl } = target()
      const info = await checkKeyAsync(key, { baseUrl })
      expect(typeof info.usage).toBe('number')
      expect(info.limitRemaining === null || typeof info.limitRemaining === 'number').toBe(true)
      expect(typeof info.isFreeTier).toBe('boolean')
    })

    it('lists the Riverflow models in the catalog the panel reads, each with a price the panel can show', async () => {
      const models = await riverflowModelsAsync(target())
      expect(models.length).toBeGreaterThan(0)
      // What this build makes of each: compared by eye with docs/contracts.md#the-riverflow-family.
      console.log(models.map(summarize).join('\n'))
      for (const model of models) {
        expect(model.sizes.length, model.id).toBeGreaterThan(0)
        expect(estimateCost(model, settingsFor(model)), `${model.id} has no price the panel can show`).not.toBeNull()
      }
    })

    it(
      'makes one image with the cheapest paid Riverflow model, placed as the sandbox would be asked, and reads what it cost',
      async () => {
        const { key, baseUrl, spendLimit } = target()
        const models = await riverflowModelsAsync(target())
        // Not a free variant: one busy upstream would fail the run, where a paid one costs cents.
        // A model of unknown price has no most to check the limit against: not one to spend on unasked.
        const priced = models
          .map((model) => ({ model, estimate: estimateCost(model, settingsFor(model)) }))
          .flatMap(({ model, estimate }) => {
            const most = estimate && estimate.kind !== 'free' ? highestUsd(estimate) : null
            return most === null ? [] : [{ model, most }]
          })
          .sort((a, b) => a.most - b.most)
        const cheapest = priced[0]
        expect(cheapest, 'no Riverflow model with a price').toBeDefined()
        // Nothing is spent that was not priced first: the limit is checked against the panel's own estimate.
        const estimate = cheapest.most
        expect(estimate, `${cheapest.model.id} would cost up to $${estimate}, over the limit of $${spendLimit}`).toBeLessThanOrEqual(spendLimit)

        const answer = await generateOnceAsync(
          { key, baseUrl },
          { prompt: 'A small ceramic mug on a plain white table, product photo', settings: settingsFor(cheapest.model) },
          models,
        )
        console.log(`${cheapest.model.id}: estimated up to $${estimate}, charged ${answer.cost === null ? 'an unreported amount' : `$${answer.cost}`}`)
        expect(answer.kept).toEqual([])
        expect(answer.placed).toHaveLength(1)
        const image = answer.placed[0].image
        if (!('bytes' in image)) throw new Error('The image was not handed over as bytes')
        const info = readImageInfo(image.bytes)
        expect(info, 'the placed bytes are not an image Figma takes').not.toBeNull()
        expect(Math.min(info!.width, info!.height)).toBeGreaterThanOrEqual(512)
        // The spend line and History show usage.cost: a charge never above what was shown.
        if (answer.cost !== null) expect(answer.cost).toBeLessThanOrEqual(estimate)
      },
      GENERATION_TIMEOUT_MS,
    )
  })
}

/** The Riverflow models of the catalog, as the panel's list makes them (capabilities and prices). */
async function riverflowModelsAsync({ key, baseUrl }: ContractTarget): Promise<ModelCapabilities[]> {
  const entries = await loadCatalogAsync({ key, baseUrl })
  expect(entries, 'the catalog could not be loaded or read').not.toBeNull()
  const { models } = chooseModelList({ cache: null, now: Date.now(), fetched: entries })
  return models.filter((model) => model.id.startsWith('sourceful/riverflow'))
}

/** The panel's default settings on this model, fitted to what it takes: a 1:1 image at its smallest size. */
function settingsFor(model: ModelCapabilities) {
  return fitSettingsToModel({ ...DEFAULT_STATE.settings, imageSize: model.sizes[0] }, model).settings
}

function summarize(model: ModelCapabilities): string {
  const roads = Object.keys(model.roads ?? { chat: true }).join('+')
  return `${model.id}: ${model.tier}, ${model.sizes.join(' ')}, roads ${roads}, inputs ${model.maxInputImages}, refSR ${model.maxReferences}, fonts ${model.maxFontInputs}${model.exactSize ? ', exact sizes' : ''}`
}
