/**
 * When to say "You're muted": the muted microphone is still measured locally (nothing is sent),
 * and the hint appears once the user has been speaking for a moment (a cough or a door does not
 * count) and goes away after a few seconds of quiet. Fed one voice-activity sample per meter
 * tick; pure, so the thresholds are tested as a table.
 */
export interface MutedSpeechOptions {
  /** Consecutive speaking ticks before the hint shows (3 x 100 ms). */
  onTicks?: number
  /** Quiet ticks after which a shown hint hides (40 x 100 ms). */
  offTicks?: number
}

export class MutedSpeech {
  private readonly onTicks: number
  private readonly offTicks: number
  private speakingRun = 0
  private quietRun = 0
  private showing = false

  constructor(options: MutedSpeechOptions = {}) {
    this.onTicks = options.onTicks ?? 3
    this.offTicks = options.offTicks ?? 40
  }

  get shown(): boolean {
    return this.showing
  }

  /** One meter tick; returns whether the hint shows after it. */
  sample(speaking: boolean): boolean {
    if (speaking) {
      this.speakingRun++
      this.quietRun = 0
      if (this.speakingRun >= this.onTicks) this.showing = true
    } else {
      this.speakingRun = 0
      this.quietRun++
      if (this.quietRun >= this.offTicks) this.showing = false
    }
    return this.showing
  }

  reset(): void {
    this.speakingRun = 0
    this.quietRun = 0
    this.showing = false
  }
}
