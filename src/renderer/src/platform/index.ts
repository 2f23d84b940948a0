export * from './desktop'
