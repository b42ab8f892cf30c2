// Empties dist/ before a build; in Node so that it works on every OS.
import { rmSync } from 'node:fs'
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
