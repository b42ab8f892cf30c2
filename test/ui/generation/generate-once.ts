import type { GenerationSettings } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../common/messages'
import { type KeptImage } from '../../../ui/generation/land/kept-images'
import { createLander } from '../../../ui/generation/land/lander'
import type { TaskSpec } from '../../../ui/generation/plan/task'
import { sendGenerationAsync } from '../../../ui/generation/run/run-job'
import type { Connection } from '../../../ui/openrouter/connection'
import { findModel } from '../../../ui/models'
import { MODELS } from '../../fixtures/orders'

export interface OneAnswer {
  /** What the sandbox was asked to place, one entry an image. */
  placed: PlaceImageArgs[]
  kept: KeptImage[]
  cost: number | null
  generationId: string | null
  droppedOptions: string[]
}

/**
 * One request from prompt and settings to what the sandbox is asked to place,
 * through the panel's own send and landing code (the sandbox's answer stood in
 * for). Input images go as data URLs, as the request builder takes them.
 */
export async function generateOnceAsync(
  connection: Connection,
  input: { prompt: string; settings: GenerationSettings; inputImages?: string[]; references?: string[] },
  models = MODELS,
): Promise<OneAnswer> {
  const order = { prompt: input.prompt, settings: input.settings, model: findModel(models, input.settings.model) }
  const result = await sendGenerationAsync({ ...order, inputImages: input.inputImages, references: input.references }, { connection, models })
  const placed: PlaceImageArgs[] = []
  const kept: KeptImage[] = []
  const lander = createLander({
    keepFullResolution: false,
    report: () => {},
    keep: (item) => kept.push({ id: `kept-${kept.length}`, ...item }),
    seams: {
      place: async (args) => {
        placed.push(args)
        return { nodeIds: ['1:1'], placement: args.placement }
      },
    },
  })
  const spec: TaskSpec = { ...order, id: 'task-1', label: 'One', inputs: [], references: [], placement: 'new-layer', targetIds: [], name: 'One', reveal: true }
  const record = { prompt: order.prompt, settings: order.settings, generationId: result.generationId, cost: result.cost, createdAt: new Date().toISOString() }
  for (const image of result.images) lander.land(image, spec, record)
  await lander.settledAsync()
  return { placed, kept, cost: result.cost, generationId: result.generationId, droppedOptions: result.droppedOptions }
}
