// Rebuilds the UI and the sandbox on every change, for Figma's hot reload
// (Plugins → Development → Hot reload plugin). Both builds write into dist/
// without emptying it, so they can run side by side.
import { spawn } from 'node:child_process'

const builds = [
  ['vite', 'build', '--watch'],
  ['vite', 'build', '--mode', 'plugin', '--watch'],
].map((args) => spawn('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' }))

const stop = () => builds.forEach((child) => child.kill())
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
