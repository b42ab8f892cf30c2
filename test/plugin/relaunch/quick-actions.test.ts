import { describe, expect, it, vi } from 'vitest'
import { startPlugin } from '../../../plugin/start-plugin'
import { installFakeFigma, shownStartData } from '../install-fake'

const initOf = shownStartData

describe('quick actions in the sandbox', () => {
  it('suggests models and aspect ratios while the designer types, before any UI opens', async () => {
    const fake = installFakeFigma({ command: 'generate-image' })
    startPlugin()
    expect(fake.shownWith).toBeNull()
    expect(await fake.typeParameter('model', '2 pro')).toEqual([{ name: 'Riverflow 2 Pro', data: 'sourceful/riverflow-v2-pro' }])
    expect((await fake.typeParameter('model', '')).map((s) => s.name)).toEqual(['Riverflow 2 Fast', 'Riverflow 2 Pro', 'Riverflow 2.5 Fast', 'Riverflow 2.5 Fast (free)', 'Riverflow 2.5 Pro', 'Riverflow 2.6 Pro'])
    const ratios = await fake.typeParameter('aspect-ratio', '')
    expect(ratios[0]).toEqual({ name: 'Match the selection', data: 'match-selection' })
    expect(ratios.slice(1).map((s) => s.data)).toEqual(['1:1', '5:4', '4:3', '3:2', '16:9', '21:9', '4:5', '3:4', '2:3', '9:16'])
    expect(await fake.typeParameter('aspect-ratio', 'match')).toEqual([{ name: 'Match the selection', data: 'match-selection' }])
    expect(await fake.typeParameter('prompt', 'A fox')).toEqual([])
  })

  it('opens the UI hidden once run, and hands it the command and parameters with its HTML', async () => {
    const fake = installFakeFigma({ command: 'generate-image' })
    startPlugin()
    fake.run({ prompt: '  A red fox  ', model: 'sourceful/riverflow-v2-pro', 'aspect-ratio': 'match-selection' })
    const start = await initOf(fake)
    expect(fake.shownWith?.options).toMatchObject({ visible: false, themeColors: true })
    expect(fake.uiVisible()).toBe(false)
    expect(start.quickAction).toEqual({ command: 'generate-image', prompt: 'A red fox', model: 'sourceful/riverflow-v2-pro', aspectRatio: 'match-selection' })
  })

  it('reads a model or ratio it does not offer as not given, and upscale as having no parameters', async () => {
    const fake = installFakeFigma({ command: 'generate-image' })
    startPlugin()
    fake.run({ prompt: 'A fox', model: 'someone/else', 'aspect-ratio': '7:3' })
    expect((await initOf(fake)).quickAction).toMatchObject({ model: null, aspectRatio: null })

    const upscale = installFakeFigma({ command: 'upscale-selection' })
    startPlugin()
    upscale.run()
    expect((await initOf(upscale)).quickAction).toEqual({ command: 'upscale-selection' })
  })

  it('runs Remove background as a quick action: the UI opens hidden and is told the command', async () => {
    const fake = installFakeFigma({ command: 'remove-background' })
    startPlugin()
    expect(fake.shownWith).toBeNull()
    fake.run()
    expect((await initOf(fake)).quickAction).toEqual({ command: 'remove-background' })
    expect(fake.shownWith?.options).toMatchObject({ visible: false })
  })

  it('with an empty prompt, says so and closes: no UI, nothing sent', async () => {
    const fake = installFakeFigma({ command: 'generate-image' })
    startPlugin()
    fake.run({ prompt: '   ' })
    await vi.waitFor(() => expect(fake.closed()).toBe(true))
    expect(fake.shownWith).toBeNull()
    expect(fake.notifications).toEqual([{ message: 'Write a prompt to generate an image: nothing was sent.', options: { error: true } }])
    expect(fake.closed()).toBe(true)
  })

  it('opens the panel as always for any other command, with no quick action', async () => {
    const fake = installFakeFigma({ command: 'open' })
    startPlugin()
    expect((await initOf(fake)).quickAction).toBeNull()
    expect(fake.uiVisible()).toBe(true)
  })

  it('notifies for the UI, one toast at a time, shows the hidden UI and closes when asked', async () => {
    const fake = installFakeFigma({ command: 'upscale-selection' })
    startPlugin()
    fake.run()
    await initOf(fake)
    await fake.sendFromUi({ type: 'notify', requestId: 'n1', message: 'Upscaling…', timeoutMs: 60_000 })
    await fake.sendFromUi({ type: 'show-ui', requestId: 's1' })
    expect(fake.uiVisible()).toBe(true)
    await fake.sendFromUi({ type: 'close-plugin', requestId: 'c1' })
    expect(fake.notifications).toEqual([{ message: 'Upscaling…', options: { error: undefined, timeout: 60_000 } }])
    expect(fake.closed()).toBe(true)
  })
})
