/** `f` without its first parameter: the use case once its dependencies are given. */
export type Bound<D, F> = F extends (deps: D, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;

/**
 * Binds a use case written as a named function `f(deps, ...args)` to its dependencies, so that a
 * service object can be assembled from named functions (each findable by name, in a stack trace).
 */
export const bindDeps =
  <D>(deps: D) =>
  <F extends (deps: D, ...rest: never[]) => unknown>(f: F): Bound<D, F> =>
    ((...rest: never[]) => f(deps, ...rest)) as Bound<D, F>;
