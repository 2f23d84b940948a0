/**
 * Keeps one camera sender at the budget wanted for its link. Writes happen one at a time (two
 * setParameters in flight reject each other) and the write running picks up a budget that
 * changed meanwhile; an unchanged budget never queries the sender.
 */
import { sameBudget, type VideoBudget } from './videoBudget'

/** Puts the budget into every encoding of the sender; false when it has none yet. */
async function writeBudget(sender: RTCRtpSender, budget: VideoBudget): Promise<boolean> {
  const params = sender.getParameters()
  if (!params.encodings || params.encodings.length === 0) return false
  params.encodings = params.encodings.map((e) => ({ ...e, ...budget }))
  await sender.setParameters(params)
  return true
}

export class VideoBudgetWriter {
  private wanted: VideoBudget | null
  /** The budget the sender is known to carry. */
  private applied: VideoBudget | null = null
  private writing = false

  /**
   * @param sender the camera sender once it may be written (undefined before that: the link
   *   applies the budget again when it is), or null when the link is closed.
   */
  constructor(
    initial: VideoBudget | null,
    private readonly sender: () => RTCRtpSender | null | undefined,
  ) {
    this.wanted = initial
  }

  get budget(): VideoBudget | null {
    return this.wanted
  }

  /** The sender was made with this budget (the caller layout's encoding). */
  madeWith(budget: VideoBudget | null): void {
    this.applied = budget
  }

  set(budget: VideoBudget): void {
    this.wanted = budget
    void this.apply()
  }

  async apply(): Promise<void> {
    if (this.writing) return
    this.writing = true
    try {
      for (;;) {
        const wanted = this.wanted
        if (!wanted || sameBudget(wanted, this.applied)) return
        const sender = this.sender()
        if (!sender || !(await writeBudget(sender, wanted))) return
        this.applied = wanted
      }
    } catch (error) {
      // A renegotiation in flight can reject this; the next description applies it again.
      if (this.sender() !== null) console.debug('video budget not applied yet', error)
    } finally {
      this.writing = false
    }
  }
}
