import type { GenerationRecord, HistoryEntry } from '../../common/domain'
import { readRecord } from '../../common/read/read-record'
import { RECORD_LIMIT_BYTES, recordForPluginData, utf8Length } from './record'

/**
 * Each history entry's record is shortened to this: 200 of them stay under a
 * megabyte of document data. The layer itself keeps the whole prompt (and
 * Place again copies it from there).
 */
const ENTRY_LIMIT_BYTES = 4_000

/** The layers one entry names at most (the layers one fill covered, or a set of formats'). */
const MAX_ENTRY_LAYERS = 20

/** The file keeps its last this many generations. */
export const HISTORY_LIMIT = 200
/**
 * The history spans several document plugin data entries, `history-0`,
 * `history-1`…, each a JSON list within the entry limit: one entry could not
 * hold 200 long prompts. A damaged entry loses its own part only. The lists
 * run oldest first, so a new image is appended to the last one: a placement
 * rewrites one list (and the first, when the oldest go), not all of them.
 */
const CHUNK_PREFIX = 'history-'
/** Marks the oldest-first layout; a file without it holds the older newest-first one, rewritten once. */
const ORDER_KEY = 'riverflow-history-order'
const OLDEST_FIRST = 'oldest-first'

/** Adds a generation to the file's history, dropping the oldest past the limit. */
export function addToHistory(entry: HistoryEntry): void {
  const json = entryJson(entry)
  // An entry that cannot be written is dropped alone: a damaged history never stops new entries.
  if (json === null) return
  if (figma.root.getPluginData(ORDER_KEY) !== OLDEST_FIRST) rewriteOldestFirst()
  for (const key of strayKeys()) figma.root.setPluginData(key, '')
  const chunks = readChunks()
  // A list that does not read holds nothing of use: cleared, and never appended to.
  for (const chunk of chunks) if (!chunk.items) figma.root.setPluginData(chunk.key, '')
  const readable = chunks.filter((chunk) => chunk.items !== null)
  const last = readable.at(-1)
  if (last && joinSet(last, entry)) return
  // Written again from the entries as read, never spliced into the stored text: a file's list
  // may end in a space ('[…] ' reads), and cutting its last character off would break it.
  const appended = `[${[...(last?.items ?? []), json].join(',')}]`
  if (last && utf8Length(appended) < RECORD_LIMIT_BYTES) {
    figma.root.setPluginData(last.key, appended)
    last.items!.push(json)
  } else {
    let index = last ? chunkIndex(last.key) + 1 : 0
    // Past the last number a key may have (a file can hold any), the lists are numbered again from 0:
    // a new list whose key did not read would be cleared as stray at the next write, and the history would stop.
    if (index > MAX_CHUNK_INDEX) index = renumber(readable)
    const key = `${CHUNK_PREFIX}${index}`
    figma.root.setPluginData(key, `[${json}]`)
    readable.push({ key, items: [json] })
  }
  dropOldest(readable)
}

/**
 * Every format: an image of the same set as the newest entry joins it, so
 * History lists the set as one entry with all its frames' layers. False when
 * it is no such image, or the entry would not fit: it is then an entry of its own.
 */
function joinSet(chunk: { key: string; items: string[] | null }, entry: HistoryEntry): boolean {
  const setId = entry.record.format?.setId
  const items = chunk.items
  if (!setId || !items || items.length === 0) return false
  const newest = parseEntry(items[items.length - 1])
  if (!newest || newest.record.format?.setId !== setId) return false
  const layerIds = [...new Set([...newest.layerIds, ...entry.layerIds])]
  // The set costs what all its images cost; unknown once one answer did not say.
  const costs = [newest.record.cost, entry.record.cost]
  const cost = costs[0] !== null && costs[1] !== null ? Math.round((costs[0] + costs[1]) * 1e6) / 1e6 : null
  const json = entryJson({ layerIds, record: { ...newest.record, cost } })
  // The reader takes at most 20 layers an entry: a larger set goes on in a new entry.
  if (json === null || layerIds.length > MAX_ENTRY_LAYERS) return false
  const text = `[${[...items.slice(0, -1), json].join(',')}]`
  if (utf8Length(text) >= RECORD_LIMIT_BYTES) return false
  figma.root.setPluginData(chunk.key, text)
  items[items.length - 1] = json
  return true
}

/** The history, newest first; entries that cannot be read are skipped, never the whole list. */
export function readHistory(): HistoryEntry[] {
  const values = readChunks().flatMap((chunk) => chunk.items ?? [])
  const entries = values.map(parseEntry).filter((entry): entry is HistoryEntry => entry !== null)
  const newestFirst = figma.root.getPluginData(ORDER_KEY) === OLDEST_FIRST ? entries.reverse() : entries
  return newestFirst.slice(0, HISTORY_LIMIT)
}

/** Each list in order of its number, with its entries as JSON text (null: the list does not read). */
function readChunks(): { key: string; items: string[] | null }[] {
  return chunkKeys()
    .sort((a, b) => chunkIndex(a) - chunkIndex(b))
    .map((key) => {
      try {
        const list: unknown = JSON.parse(figma.root.getPluginData(key))
        return { key, items: Array.isArray(list) ? list.map((item) => JSON.stringify(item) ?? 'null') : null }
      } catch {
        return { key, items: null }
      }
    })
}

/** Past the limit the oldest go: from the first lists, each rewritten or cleared once. */
function dropOldest(chunks: { key: string; items: string[] | null }[]): void {
  let excess = chunks.reduce((sum, chunk) => sum + (chunk.items?.length ?? 0), 0) - HISTORY_LIMIT
  for (const chunk of chunks) {
    if (excess <= 0 || !chunk.items) break
    const dropped = Math.min(excess, chunk.items.length)
    const kept = chunk.items.slice(dropped)
    figma.root.setPluginData(chunk.key, kept.length > 0 ? `[${kept.join(',')}]` : '')
    excess -= dropped
  }
}

/**
 * Moves the lists, in their order, to `history-0`, `history-1`…; returns the
 * next free number. Each moves to a number no larger than its own and below
 * every later list's, so none is written over before it moves.
 */
function renumber(chunks: { key: string; items: string[] | null }[]): number {
  chunks.forEach((chunk, i) => {
    const key = `${CHUNK_PREFIX}${i}`
    if (chunk.key === key) return
    figma.root.setPluginData(key, figma.root.getPluginData(chunk.key))
    figma.root.setPluginData(chunk.key, '')
    chunk.key = key
  })
  return chunks.length
}

/** A file from before the oldest-first layout: its history written again, once, in the new order. */
function rewriteOldestFirst(): void {
  const oldestFirst = readHistory().reverse()
  for (const key of chunkKeys()) figma.root.setPluginData(key, '')
  figma.root.setPluginData(ORDER_KEY, OLDEST_FIRST)
  const chunks: string[][] = [[]]
  let size = 2
  for (const entry of oldestFirst) {
    const json = entryJson(entry)
    if (json === null) continue
    const bytes = utf8Length(json) + 1
    if (size + bytes > RECORD_LIMIT_BYTES && chunks[chunks.length - 1].length > 0) {
      chunks.push([])
      size = 2
    }
    chunks[chunks.length - 1].push(json)
    size += bytes
  }
  chunks.forEach((chunk, i) => chunk.length > 0 && figma.root.setPluginData(`${CHUNK_PREFIX}${i}`, `[${chunk.join(',')}]`))
}

function parseEntry(json: string): HistoryEntry | null {
  try {
    return readEntry(JSON.parse(json))
  } catch {
    return null
  }
}

function entryJson(entry: HistoryEntry): string | null {
  try {
    const json = JSON.stringify({ layerIds: entry.layerIds.slice(0, MAX_ENTRY_LAYERS), record: JSON.parse(recordForPluginData(entry.record, ENTRY_LIMIT_BYTES)) as GenerationRecord })
    return utf8Length(json) < RECORD_LIMIT_BYTES - 2 ? json : null
  } catch {
    return null
  }
}

/** Only `history-<digits>`: `history-` or `history-01x` are no chunk of ours, and are cleared as stray. */
const CHUNK_KEY = /^history-(0|[1-9][0-9]{0,5})$/
/** The largest number CHUNK_KEY reads. */
const MAX_CHUNK_INDEX = 999_999

function chunkKeys(): string[] {
  return figma.root.getPluginDataKeys().filter((key) => CHUNK_KEY.test(key))
}

/** Keys that look like ours but are not a chunk: left by a damaged or foreign write. */
function strayKeys(): string[] {
  return figma.root.getPluginDataKeys().filter((key) => key.startsWith(CHUNK_PREFIX) && !CHUNK_KEY.test(key))
}

function chunkIndex(key: string): number {
  return Number(key.slice(CHUNK_PREFIX.length))
}

/** An entry with every field checked (types and sizes), copied field by field; null to skip it. */
function readEntry(value: unknown): HistoryEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const { layerIds } = value as { layerIds?: unknown }
  if (!Array.isArray(layerIds) || layerIds.length === 0 || layerIds.length > MAX_ENTRY_LAYERS) return null
  if (!layerIds.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100)) return null
  const record = readRecord((value as { record?: unknown }).record)
  if (!record) return null
  // Bounded on read as on write: a file may hold entries of 90 kB each, which the panel would be sent whole.
  const bounded = utf8Length(JSON.stringify(record)) <= ENTRY_LIMIT_BYTES ? record : (JSON.parse(recordForPluginData(record, ENTRY_LIMIT_BYTES)) as GenerationRecord)
  return { layerIds: layerIds.slice(), record: bounded }
}
