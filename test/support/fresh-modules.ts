import { vi } from 'vitest'

// Run before each test file of the loop, whose files share a thread (vitest.config.ts): the file
// imports every module of its own afresh (a counter, a cache, a learned road start empty, as in a
// file run alone), and its `vi.mock`s apply to modules another file has already imported.
vi.resetModules()
