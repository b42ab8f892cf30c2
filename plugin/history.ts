import type { GenerationRecord, HistoryEntry } from '../common/domain'
import { readRecord } from '../common/read-record'
import { RECORD_LIMIT_BYTES, recordForPluginData, utf8Length } from './record'

/**
 * Each history entry's record is shortened to this: 200 of them stay under a
 * megabyte of document data, rewritten on every image. The layer itself keeps
 * the whole prompt.
 */
const ENTRY_LIMIT_BYTES = 4_000

/** The file keeps its last this many generations. */
export const HISTORY_LIMIT = 200
/**
 * The history spans several document plugin data entries, `history-0`,
 * `history-1`…, each a JSON list within the entry limit: one entry could not
 * hold 200 long prompts. A damaged entry loses its own part only.
 */
const CHUNK_PREFIX = 'history-'

/** Adds a generation to the file's history, newest first, dropping the oldest past the limit. */
export function addToHistory(entry: HistoryEntry): void {
  writeHistory([entry, ...readHistory()].slice(0, HISTORY_LIMIT))
}

/** The history, newest first; entries that cannot be read are skipped, never the whole list. */
export function readHistory(): HistoryEntry[] {
  const chunks = chunkKeys().sort((a, b) => chunkIndex(a) - chunkIndex(b))
  const entries: HistoryEntry[] = []
  for (const key of chunks) {
    let list: unknown
    try {
      list = JSON.parse(figma.root.getPluginData(key))
    } catch {
      continue
    }
    if (Array.isArray(list)) entries.push(...list.map(readEntry).filter((entry): entry is HistoryEntry => entry !== null))
  }
  return entries.slice(0, HISTORY_LIMIT)
}

/** Packs the entries into chunks within the plugin data entry limit, each record shortened as a layer's is, to ENTRY_LIMIT_BYTES. */
function writeHistory(entries: HistoryEntry[]): void {
  const chunks: string[][] = [[]]
  let size = 2
  for (const entry of entries) {
    const json = entryJson(entry)
    // An entry that cannot be written is dropped alone: a damaged history never stops new entries.
    if (json === null) continue
    const bytes = utf8Length(json) + 1
    if (size + bytes > RECORD_LIMIT_BYTES && chunks[chunks.length - 1].length > 0) {
      chunks.push([])
      size = 2
    }
    chunks[chunks.length - 1].push(json)
    size += bytes
  }
  chunks.forEach((chunk, i) => figma.root.setPluginData(`${CHUNK_PREFIX}${i}`, `[${chunk.join(',')}]`))
  // Chunks past the new end held entries now dropped.
  for (const key of chunkKeys()) if (chunkIndex(key) >= chunks.length) figma.root.setPluginData(key, '')
  for (const key of strayKeys()) figma.root.setPluginData(key, '')
}

function entryJson(entry: HistoryEntry): string | null {
  try {
    const json = JSON.stringify({ layerIds: entry.layerIds.slice(0, 20), record: JSON.parse(recordForPluginData(entry.record, ENTRY_LIMIT_BYTES)) as GenerationRecord })
    return utf8Length(json) < RECORD_LIMIT_BYTES - 2 ? json : null
  } catch {
    return null
  }
}

/** Only `history-<digits>`: `history-` or `history-01x` are no chunk of ours, and are cleared as stray. */
const CHUNK_KEY = /^history-(0|[1-9][0-9]{0,5})$/

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
  if (!Array.isArray(layerIds) || layerIds.length === 0 || layerIds.length > 20) return null
  if (!layerIds.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100)) return null
  const record = readRecord((value as { record?: unknown }).record)
  return record ? { layerIds: layerIds.slice(), record } : null
}
