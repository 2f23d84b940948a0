/** React binding for the chat store (read-only for components; session/ writes). */
import { useStore } from 'zustand'
import { chatStore, type ChatState } from './chatStore'

export function useChatStore<T>(selector: (state: ChatState) => T): T {
  return useStore(chatStore, selector)
}
