import type { ReactElement } from 'react'

/**
 * Text containing a person's name, with the name isolated (`<bdi>`): a name in a right-to-left
 * script, or one ending in punctuation, cannot reorder the words around it ("(you)", "Screen
 * shared by"). The server already strips bidi controls; this handles legitimate RTL names.
 */
export function NameText({ text, name }: { text: string; name: string }): ReactElement {
  const at = name === '' ? -1 : text.indexOf(name)
  if (at === -1) return <>{text}</>
  return (
    <>
      {text.slice(0, at)}
      <bdi>{name}</bdi>
      {text.slice(at + name.length)}
    </>
  )
}
