/** Types for afterPack.mjs (plain ESM so electron-builder can load it without a build step). */
export interface AfterPackContextLike {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName: string }
}

export type FlipFuses = (binaryPath: string, config: Record<string, unknown>) => Promise<unknown>

export const MOIM_FUSES: Readonly<Record<string, unknown>>
export function electronBinaryPath(context: AfterPackContextLike): string
export function applyFuses(context: AfterPackContextLike, flip?: FlipFuses): Promise<string>
export default function afterPack(context: AfterPackContextLike): Promise<void>
