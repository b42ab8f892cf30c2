/**
 * Stand-ins for Figma frames and their PNG export: what the sandbox's
 * `exportAsync({format: 'PNG'})` hands the UI. Drawn on a canvas and encoded by
 * the browser's PNG encoder, so the bytes compress as real exports do: flat
 * interface graphics shrink a lot, photographs hardly at all.
 */
import { scaleSize } from '../../common/sizes'

export interface FrameSpec {
  name: string
  width: number
  height: number
  content: 'flat' | 'photo'
}

export interface Constraint {
  type: 'SCALE' | 'WIDTH' | 'HEIGHT'
  value: number
}

/** The pixel size of an export, rounded as Figma rounds. */
export function exportSize(frame: FrameSpec, constraint: Constraint): { width: number; height: number } {
  const scale = constraint.type === 'SCALE' ? constraint.value : constraint.type === 'WIDTH' ? constraint.value / frame.width : constraint.value / frame.height
  return scaleSize(frame, scale)
}

export async function exportPngAsync(frame: FrameSpec, constraint: Constraint): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const { width, height } = exportSize(frame, constraint)
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')!
  context.scale(width / frame.width, height / frame.height)
  if (frame.content === 'photo') drawPhotoFrame(context, frame)
  else drawFlatFrame(context, frame)
  const blob = await canvas.convertToBlob({ type: 'image/png' })
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height }
}

type Context = OffscreenCanvasRenderingContext2D

/** An interface screen: a header, cards, avatars, lines of text, a chart. */
function drawFlatFrame(c: Context, frame: FrameSpec): void {
  const random = seededRandom(frame.name)
  const { width: w, height: h } = frame
  c.fillStyle = '#f5f6f8'
  c.fillRect(0, 0, w, h)
  c.fillStyle = '#1e2a3a'
  c.fillRect(0, 0, w, Math.max(40, h * 0.08))
  c.fillStyle = '#ffffff'
  c.font = `600 ${Math.max(12, h * 0.03)}px sans-serif`
  c.fillText(frame.name, 16, Math.max(26, h * 0.055))
  const columns = Math.max(2, Math.round(w / 320))
  const gap = 16
  const cardWidth = (w - gap * (columns + 1)) / columns
  const cardHeight = Math.max(80, (h - Math.max(40, h * 0.08) - gap * 3) / 2)
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < columns; col++) {
      const x = gap + col * (cardWidth + gap)
      const y = Math.max(40, h * 0.08) + gap + row * (cardHeight + gap)
      c.fillStyle = '#ffffff'
      roundRect(c, x, y, cardWidth, cardHeight, 8)
      c.fillStyle = `hsl(${Math.floor(random() * 360)} 70% 55%)`
      c.beginPath()
      c.arc(x + 28, y + 28, 14, 0, Math.PI * 2)
      c.fill()
      c.fillStyle = '#2b3645'
      c.font = `600 14px sans-serif`
      c.fillText(`Metric ${row * columns + col + 1}`, x + 52, y + 33)
      c.fillStyle = '#8a94a3'
      c.font = '12px sans-serif'
      for (let line = 0; line < 3 && y + 60 + line * 18 < y + cardHeight - 40; line++) {
        c.fillText('Lorem ipsum dolor sit amet, consectetur'.slice(0, 12 + Math.floor(random() * 28)), x + 16, y + 60 + line * 18)
      }
      // A small bar chart: thin edges and flat fills, as interfaces have.
      const bars = 8
      for (let b = 0; b < bars; b++) {
        const barHeight = (cardHeight * 0.35 * (0.3 + random() * 0.7)) | 0
        c.fillStyle = b % 2 ? '#4f7cff' : '#a9bdff'
        c.fillRect(x + 16 + b * ((cardWidth - 32) / bars), y + cardHeight - 12 - barHeight, (cardWidth - 32) / bars - 4, barHeight)
      }
    }
  }
}

/** A photograph filling the frame (placed at twice the frame's size, as designers place them), with a headline on top. */
function drawPhotoFrame(c: Context, frame: FrameSpec): void {
  c.drawImage(photoFor(frame), 0, 0, frame.width, frame.height)
  c.fillStyle = 'rgba(0, 0, 0, 0.35)'
  c.fillRect(0, frame.height * 0.62, frame.width, frame.height * 0.38)
  c.fillStyle = '#ffffff'
  c.font = `700 ${Math.max(14, frame.height * 0.07)}px serif`
  c.fillText('Autumn in the valley', frame.width * 0.06, frame.height * 0.78)
  c.font = `${Math.max(10, frame.height * 0.03)}px sans-serif`
  c.fillText('A weekend of walks, markets and long dinners', frame.width * 0.06, frame.height * 0.87)
}

const photos = new Map<string, OffscreenCanvas>()

/** Photo-like pixels: soft gradients, a few blurred shapes and sensor noise (which is what keeps photos large as PNG). */
function photoFor(frame: FrameSpec): OffscreenCanvas {
  const cached = photos.get(frame.name)
  if (cached) return cached
  const width = frame.width * 2
  const height = frame.height * 2
  const canvas = new OffscreenCanvas(width, height)
  const c = canvas.getContext('2d')!
  const random = seededRandom(frame.name)
  const sky = c.createLinearGradient(0, 0, 0, height)
  sky.addColorStop(0, '#8fb4d9')
  sky.addColorStop(0.55, '#e9c9a0')
  sky.addColorStop(0.56, '#6b7f4a')
  sky.addColorStop(1, '#3a2f22')
  c.fillStyle = sky
  c.fillRect(0, 0, width, height)
  c.filter = `blur(${Math.round(width / 80)}px)`
  for (let i = 0; i < 14; i++) {
    c.fillStyle = `hsl(${20 + random() * 100} ${30 + random() * 40}% ${25 + random() * 40}%)`
    c.beginPath()
    c.ellipse(random() * width, height * (0.45 + random() * 0.5), width * (0.05 + random() * 0.15), height * (0.03 + random() * 0.12), 0, 0, Math.PI * 2)
    c.fill()
  }
  c.filter = 'none'
  const image = c.getImageData(0, 0, width, height)
  const data = image.data
  for (let i = 0; i < data.length; i += 4) {
    const grain = (random() - 0.5) * 14
    data[i] += grain
    data[i + 1] += grain + (random() - 0.5) * 4
    data[i + 2] += grain + (random() - 0.5) * 4
  }
  c.putImageData(image, 0, 0)
  photos.set(frame.name, canvas)
  return canvas
}

function roundRect(c: Context, x: number, y: number, w: number, h: number, r: number): void {
  c.beginPath()
  c.roundRect(x, y, w, h, r)
  c.fill()
}

/** Deterministic (mulberry32 seeded by the name), so every run draws the same frames. */
function seededRandom(seedText: string): () => number {
  let seed = [...seedText].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261) >>> 0
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
