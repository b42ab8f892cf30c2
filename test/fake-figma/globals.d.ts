// Globals that Node and browsers both have, which the fake and the test images
// use. The sandbox's tsconfig has Figma's typings and no DOM lib (they clash),
// so these are declared here for the code checked under it.
declare function structuredClone<T>(value: T): T
declare function queueMicrotask(callback: () => void): void
declare function btoa(data: string): string
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
