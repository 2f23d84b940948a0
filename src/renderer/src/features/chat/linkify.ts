/**
 * Finds http(s) links in chat text. Nothing else becomes clickable: no other schemes, no bare
 * domains, no markup. Trailing punctuation and an unmatched closing bracket stay outside the
 * link, as in "see https://example.com/a)." written in a sentence.
 */
export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

const LINK = /\bhttps?:\/\/[^\s<>"]+/gi
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
const PUNCTUATION = /[.,;:!?'"’”>]/

/** Drops trailing punctuation, but keeps a closing bracket that closes one inside the link. */
function trimLink(candidate: string): string {
  let link = candidate
  while (link.length > 0) {
    const last = link[link.length - 1]!
    const opener = CLOSERS[last]
    // "(…)" inside a URL (Wikipedia) keeps its closing parenthesis.
    if (opener && count(link, opener) >= count(link, last)) break
    if (!opener && !PUNCTUATION.test(last)) break
    link = link.slice(0, -1)
  }
  return link
}

function count(text: string, char: string): number {
  let n = 0
  for (const c of text) if (c === char) n++
  return n
}

/** A link is only one whose URL parses with an http(s) scheme and a host. */
function safeHref(text: string): string | null {
  try {
    const url = new URL(text)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null
    return url.href
  } catch {
    return null
  }
}

export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = []
  let last = 0
  const push = (piece: string) => {
    if (piece === '') return
    const previous = segments.at(-1)
    if (previous?.kind === 'text') previous.text += piece
    else segments.push({ kind: 'text', text: piece })
  }
  for (const match of text.matchAll(LINK)) {
    const start = match.index
    const link = trimLink(match[0])
    const href = safeHref(link)
    if (!href) continue
    push(text.slice(last, start))
    segments.push({ kind: 'link', text: link, href })
    last = start + link.length
  }
  push(text.slice(last))
  return segments
}
