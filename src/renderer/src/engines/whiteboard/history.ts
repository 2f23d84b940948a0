/**
 * Undo and redo of the local user's own operations, never anyone else's. Undo takes the newest
 * own operation that is still shown (one a later clear already hides would change nothing);
 * redo brings back what undo took, until the user does something new.
 */
import type { Board } from './board'
import type { BoardOp } from './ops'

export class OwnHistory {
  /** Own operation seqs in the order they were made. */
  private done: number[] = []
  private undoneStack: number[] = []

  constructor(
    private readonly board: Board,
    private readonly self: () => string | null,
  ) {}

  /** A new own operation: what was undone can no longer be redone. */
  record(seq: number): void {
    this.done.push(seq)
    this.undoneStack = []
  }

  reset(): void {
    this.done = []
    this.undoneStack = []
  }

  /** The operation undo would hide, or null. */
  undoTarget(): BoardOp | null {
    const self = this.self()
    if (!self) return null
    for (let i = this.done.length - 1; i >= 0; i--) {
      const op = this.board.get(self, this.done[i]!)
      if (!op || op.undone) continue
      if (op.kind === 'stroke' && !op.complete) continue
      if (this.board.isCovered(op)) continue
      return op
    }
    return null
  }

  /** The operation redo would show again, or null. */
  redoTarget(): BoardOp | null {
    const self = this.self()
    if (!self) return null
    while (this.undoneStack.length > 0) {
      const op = this.board.get(self, this.undoneStack.at(-1)!)
      if (op?.undone) return op
      this.undoneStack.pop()
    }
    return null
  }

  /** Call after undoing the target. */
  undid(seq: number): void {
    this.undoneStack.push(seq)
  }

  /** Call after redoing the target. */
  redid(seq: number): void {
    if (this.undoneStack.at(-1) === seq) this.undoneStack.pop()
  }
}
