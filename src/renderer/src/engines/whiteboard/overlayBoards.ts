/**
 * Which screens have an overlay board, who shared each, and whether its sharer allows drawing.
 * Only the peer that announced a screen may enable or disable its overlay; a word about a screen
 * not announced yet (the `media` message can come second) is kept until it is.
 */
export interface SharedScreen {
  /** The screen's MediaStream id: the overlay board's id. */
  board: string
  /** The peer that shares it (self for one's own screens). */
  owner: string
}

export interface OverlayBoardsDiff {
  added: SharedScreen[]
  removed: string[]
}

export class OverlayBoards {
  private readonly boards = new Map<string, { owner: string; enabled: boolean }>()
  private readonly early = new Map<string, { owner: string; enabled: boolean }>()

  /** The screens shared now; returns the boards that appeared and those that went away. */
  sync(screens: readonly SharedScreen[]): OverlayBoardsDiff {
    const added: SharedScreen[] = []
    const seen = new Set<string>()
    for (const screen of screens) {
      seen.add(screen.board)
      const known = this.boards.get(screen.board)
      if (known && known.owner === screen.owner) continue
      const early = this.early.get(screen.board)
      const enabled = early?.owner === screen.owner ? early.enabled : true
      this.early.delete(screen.board)
      this.boards.set(screen.board, { owner: screen.owner, enabled })
      added.push(screen)
    }
    const removed: string[] = []
    for (const board of this.boards.keys()) {
      if (seen.has(board)) continue
      this.boards.delete(board)
      removed.push(board)
    }
    return { added, removed }
  }

  /**
   * The sharer `from` enables or disables drawing on its screen; true when that changed the
   * overlay (a word from anyone else is ignored).
   */
  setEnabled(board: string, from: string, enabled: boolean): boolean {
    const known = this.boards.get(board)
    if (!known) {
      this.early.set(board, { owner: from, enabled })
      return false
    }
    if (known.owner !== from || known.enabled === enabled) return false
    known.enabled = enabled
    return true
  }

  has(board: string): boolean {
    return this.boards.has(board)
  }

  ownerOf(board: string): string | null {
    return this.boards.get(board)?.owner ?? null
  }

  isEnabled(board: string): boolean {
    return this.boards.get(board)?.enabled ?? false
  }

  /** Boards a peer shares (its screens' overlays). */
  ownedBy(owner: string): string[] {
    return [...this.boards].filter(([, b]) => b.owner === owner).map(([board]) => board)
  }

  clear(): void {
    this.boards.clear()
    this.early.clear()
  }
}
