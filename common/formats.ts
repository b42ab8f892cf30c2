// The formats a campaign's key visual is made into: their names and pixel
// sizes, as designers meet them (social posts and stories, link previews, the
// IAB display sizes, video thumbnails). The panel lists them to pick from and
// the sandbox names the frames it makes for them. Data only: both halves.

export interface Format {
  /** Stable across builds: the panel saves the designer's picks by it. */
  id: string
  name: string
  width: number
  height: number
  group: FormatGroup
}

export type FormatGroup = 'Social' | 'Display ads' | 'Video and web'

/** In the order a designer scans them: social first, then the IAB display sizes, then video and web. */
export const FORMATS: readonly Format[] = [
  { id: 'square-post', name: 'Square post', width: 1080, height: 1080, group: 'Social' },
  { id: 'portrait-post', name: 'Portrait post', width: 1080, height: 1350, group: 'Social' },
  { id: 'story', name: 'Story', width: 1080, height: 1920, group: 'Social' },
  { id: 'link-preview', name: 'Link preview', width: 1200, height: 628, group: 'Social' },
  { id: 'pin', name: 'Pin', width: 1000, height: 1500, group: 'Social' },
  { id: 'medium-rectangle', name: 'Medium rectangle', width: 300, height: 250, group: 'Display ads' },
  { id: 'leaderboard', name: 'Leaderboard', width: 728, height: 90, group: 'Display ads' },
  { id: 'wide-skyscraper', name: 'Wide skyscraper', width: 160, height: 600, group: 'Display ads' },
  { id: 'billboard', name: 'Billboard', width: 970, height: 250, group: 'Display ads' },
  { id: 'half-page', name: 'Half page', width: 300, height: 600, group: 'Display ads' },
  { id: 'mobile-banner', name: 'Mobile banner', width: 320, height: 50, group: 'Display ads' },
  { id: 'video-thumbnail', name: 'Video thumbnail', width: 1280, height: 720, group: 'Video and web' },
  { id: 'web-hero', name: 'Web hero', width: 1920, height: 1080, group: 'Video and web' },
]

/** A campaign's usual start: the square post, the story, the link preview and the most sold ad. */
export const DEFAULT_FORMAT_IDS: readonly string[] = ['square-post', 'story', 'link-preview', 'medium-rectangle']

/** The most formats one click makes: every one listed. */
export const MAX_FORMATS = FORMATS.length

/** "Story · 1080×1920": the name of the frame made for a format, as the layers panel shows it. */
export function formatFrameName(format: Pick<Format, 'name' | 'width' | 'height'>): string {
  return `${format.name} · ${format.width}×${format.height}`
}

/** The formats of these ids, in the list's order; unknown ids are left out. */
export function formatsOf(ids: readonly string[]): Format[] {
  return FORMATS.filter((format) => ids.includes(format.id))
}
