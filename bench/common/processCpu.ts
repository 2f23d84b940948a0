import type { Browser, CDPSession } from 'playwright-core'

/**
 * CPU time of the browser's processes, from Chromium itself (CDP SystemInfo.getProcessInfo):
 * seconds of CPU each process has used, by type. On a loaded machine wall time is mostly waiting
 * for a core; CPU time is the work done.
 */
interface ProcessInfo {
  type: string
  id: number
  cpuTime: number
}

export type CpuSnapshot = Map<number, ProcessInfo>

export interface CpuUse {
  /** CPU seconds used by every process of the browser. */
  all: number
  /** CPU seconds used by renderer processes (the pages: app code, WebRTC, codecs). */
  renderers: number
}

export class ProcessCpu {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(browser: Browser): Promise<ProcessCpu> {
    return new ProcessCpu(await browser.newBrowserCDPSession())
  }

  async snapshot(): Promise<CpuSnapshot> {
    const { processInfo } = (await this.cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: ProcessInfo[]
    }
    return new Map(processInfo.map((p) => [p.id, p]))
  }

  /** CPU used between two snapshots by the processes alive at both (and new ones in full). */
  static used(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
    let all = 0
    let renderers = 0
    for (const [id, now] of after) {
      const spent = Math.max(0, now.cpuTime - (before.get(id)?.cpuTime ?? 0))
      all += spent
      if (now.type === 'renderer') renderers += spent
    }
    return { all, renderers }
  }
}
