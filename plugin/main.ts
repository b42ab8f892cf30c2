// The sandbox's entry point (manifest.json "main", built to dist/code.js).
import { startPlugin } from './start-plugin'

startPlugin()
