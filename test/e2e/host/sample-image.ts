/**
 * A picture for the toolbar's "Add image", drawn here rather than downloaded
 * (the preview needs no network): a landscape of sky, sun, hills, a lake and
 * pines, at a time of day that changes with `n`, encoded as a real PNG, as a
 * designer would drop a photo into Figma.
 */

interface Palette {
  sky: [string, string]
  sun: string
  hills: [string, string, string]
  water: string
  trees: string
}

const PALETTES: readonly Palette[] = [
  { sky: ['#7ec8f2', '#e8f4fb'], sun: '#fff6c8', hills: ['#8fb8a8', '#5e9478', '#3d6b52'], water: '#6aa8cc', trees: '#24452f' },
  { sky: ['#f4a06b', '#fbe3b8'], sun: '#fff1c4', hills: ['#c98d86', '#8f6a7a', '#5a4a63'], water: '#e0a48a', trees: '#3a2f45' },
  { sky: ['#2d3a6e', '#c06c84'], sun: '#ffd7a0', hills: ['#6c5b8c', '#4a4470', '#2c2b4d'], water: '#8a6f9c', trees: '#1b1a33' },
]

export const SAMPLE_SIZE = { width: 1200, height: 800 }

/** The PNG bytes of the n-th picture (1, 2, 3… cycling through dawn, dusk and evening). */
export async function samplePictureAsync(n: number): Promise<Uint8Array> {
  const { width, height } = SAMPLE_SIZE
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')!
  const palette = PALETTES[(n - 1) % PALETTES.length]
  const random = seeded(n)
  const horizon = height * 0.62

  const sky = context.createLinearGradient(0, 0, 0, horizon)
  sky.addColorStop(0, palette.sky[0])
  sky.addColorStop(1, palette.sky[1])
  context.fillStyle = sky
  context.fillRect(0, 0, width, horizon)

  const sun = { x: width * (0.25 + 0.5 * random()), y: horizon * 0.45, r: height * 0.08 }
  const glow = context.createRadialGradient(sun.x, sun.y, sun.r * 0.5, sun.x, sun.y, sun.r * 4)
  glow.addColorStop(0, `${palette.sun}cc`)
  glow.addColorStop(1, `${palette.sun}00`)
  context.fillStyle = glow
  context.fillRect(0, 0, width, horizon)
  context.fillStyle = palette.sun
  context.beginPath()
  context.arc(sun.x, sun.y, sun.r, 0, 2 * Math.PI)
  context.fill()

  palette.hills.forEach((colour, i) => ridge(context, random, colour, horizon - height * (0.22 - i * 0.07), height * (0.12 - i * 0.03), horizon))

  const water = context.createLinearGradient(0, horizon, 0, height)
  water.addColorStop(0, palette.water)
  water.addColorStop(1, palette.hills[2])
  context.fillStyle = water
  context.fillRect(0, horizon, width, height - horizon)
  // The sun's reflection: a few bright ripples under it.
  context.fillStyle = `${palette.sun}88`
  for (let i = 0; i < 9; i++) {
    const w = sun.r * (1.6 - i * 0.13) * (0.7 + 0.6 * random())
    context.fillRect(sun.x - w / 2, horizon + 10 + i * 16, w, 4)
  }

  for (let i = 0; i < 14; i++) {
    const x = i < 7 ? random() * width * 0.3 : width * (0.7 + random() * 0.3)
    pine(context, palette.trees, x, horizon + 6 + random() * 10, height * (0.1 + random() * 0.1))
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' })
  return new Uint8Array(await blob.arrayBuffer())
}

/** A range of hills down to the horizon, its skyline a sum of waves. */
function ridge(context: OffscreenCanvasRenderingContext2D, random: () => number, colour: string, base: number, amplitude: number, horizon: number): void {
  const { width } = SAMPLE_SIZE
  const waves = [0, 1, 2].map(() => ({ length: width * (0.2 + random() * 0.5), phase: random() * 10 }))
  context.fillStyle = colour
  context.beginPath()
  context.moveTo(0, horizon)
  for (let x = 0; x <= width; x += 8) {
    const y = base - amplitude * waves.reduce((sum, wave) => sum + Math.sin(x / wave.length + wave.phase), 0) / 3
    context.lineTo(x, Math.min(y, horizon))
  }
  context.lineTo(width, horizon)
  context.closePath()
  context.fill()
}

function pine(context: OffscreenCanvasRenderingContext2D, colour: string, x: number, ground: number, height: number): void {
  context.fillStyle = colour
  context.beginPath()
  for (let tier = 0; tier < 3; tier++) {
    const top = ground - height + tier * height * 0.25
    const half = height * (0.16 + tier * 0.06)
    context.moveTo(x, top)
    context.lineTo(x + half, top + height * 0.42)
    context.lineTo(x - half, top + height * 0.42)
    context.closePath()
  }
  context.fill()
  context.fillRect(x - height * 0.025, ground - height * 0.12, height * 0.05, height * 0.12)
}

/** The same picture for the same n: a small linear congruential generator. */
function seeded(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}
