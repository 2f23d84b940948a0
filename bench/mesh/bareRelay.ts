import { BARE_MESH_PAGE_HTML } from '../join/bare-mesh-page'
import { startBareRelay, type BareRelay } from '../join/bare-relay'
import { FOUR_PERSON_BUDGET_JS } from '../join/capture'

/**
 * The join bench's bare mesh client (one RTCPeerConnection per peer, no app code), with the
 * camera budget for the room size taken from the page's query (?budget=<json>) instead of the
 * fixed four-person one, so each room size compares like with like.
 */
const PAGE = BARE_MESH_PAGE_HTML.replace(
  `const BUDGET = ${FOUR_PERSON_BUDGET_JS}`,
  'const BUDGET = JSON.parse(new URLSearchParams(location.search).get("budget"))',
)
if (PAGE === BARE_MESH_PAGE_HTML)
  throw new Error('the bare mesh page no longer has its budget line')

export type MeshRelay = BareRelay

/** The join bench's relay, serving this variant of the mesh page at /mesh. */
export function startMeshRelay(): Promise<MeshRelay> {
  return startBareRelay({ meshPage: PAGE })
}
