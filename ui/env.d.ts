// Build-time settings that only `npm run preview` sets, to point the UI at local
// stand-ins; unset in `npm run build`, where the UI talks to the real services.
interface ImportMetaEnv {
  readonly RIVERFLOW_OPENROUTER_URL?: string
  readonly RIVERFLOW_GOOGLE_FONTS_URL?: string
}

// A module's code bundled on its own, as a string (scripts/worker-source-plugin.ts): a worker's source.
declare module '*?worker-source' {
  const source: string
  export default source
}
