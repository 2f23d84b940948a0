/**
 * MessageRouters of several peers wired by in-memory control and volatile channels (delivery on
 * a later task, like a network), for testing features over the router without WebRTC.
 */
import { ChannelPort, type DataChannelLike } from '../channelPort'
import { MessageRouter } from '../messageRouter'
import { FakeDataChannel } from './fakePeerConnection'

export class RouterMesh {
  readonly routers = new Map<string, MessageRouter>()
  private readonly wires = new Map<string, FakeDataChannel[]>()

  router(id: string): MessageRouter {
    let router = this.routers.get(id)
    if (!router) this.routers.set(id, (router = new MessageRouter({ warn: () => {} })))
    return router
  }

  /** Opens control and volatile channels between a and b (both routers learn of each other). */
  connect(a: string, b: string): void {
    const ra = this.router(a)
    const rb = this.router(b)
    ra.addPeer(b)
    rb.addPeer(a)
    const channels: FakeDataChannel[] = []
    for (const label of ['moim', 'moim-volatile']) {
      const ca = new FakeDataChannel(label)
      const cb = new FakeDataChannel(label)
      ca.peer = cb
      cb.peer = ca
      ra.attach(b, new ChannelPort(ca as unknown as DataChannelLike))
      rb.attach(a, new ChannelPort(cb as unknown as DataChannelLike))
      channels.push(ca, cb)
    }
    this.wires.set(`${a}|${b}`, channels)
    setTimeout(() => channels.forEach((c) => c.open()), 0)
  }

  /** b leaves a's call (and a leaves b's): channels close, both routers forget the other. */
  disconnect(a: string, b: string): void {
    const channels = this.wires.get(`${a}|${b}`) ?? this.wires.get(`${b}|${a}`) ?? []
    for (const c of channels) c.close()
    this.router(a).removePeer(b)
    this.router(b).removePeer(a)
  }
}
