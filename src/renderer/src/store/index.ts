export * from './callStore'
export * from './speakingStore'
export * from './useCallStore'
