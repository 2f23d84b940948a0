/**
 * An init script from a function, for benches run by tsx: tsx (esbuild, keepNames) wraps named
 * functions in calls to a `__name` helper that does not exist in the page, so the script
 * defines a stand-in before running the function's source.
 */
export function initScript(fn: () => void): { content: string } {
  return { content: `globalThis.__name ??= (f) => f;\n(${fn.toString()})();` }
}
