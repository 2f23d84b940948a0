/** Types for ensure-electron.mjs (plain ESM so npm scripts run it without a build step). */
export interface ElectronPackage {
  dir: string
  version: string
  installer: string
}

export function findElectronPackage(cwd?: string): ElectronPackage
export function isElectronInstalled(dir: string, version: string): boolean
export function failureReason(output: string, exitCode: number): string
export function installFailureMessage(
  version: string,
  reason: string,
  env?: Readonly<Record<string, string | undefined>>,
): string
export function ensureElectron(options?: {
  cwd?: string
  env?: Readonly<Record<string, string | undefined>>
  log?: (line: string) => void
  warn?: (line: string) => void
}): Promise<number>
