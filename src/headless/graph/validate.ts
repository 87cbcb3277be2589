import { ReleaseDataError } from '../adapters/errors';

/**
 * Checks that environments (a release's, or a flow definition's) form a DAG and returns them in topological order. Raises
 * `ReleaseDataError` naming the environments at fault: none at all, a duplicate name, a
 * `dependsOn` that names no environment, or a cycle (the cycle's names, in order).
 */
export function topologicalOrder<T extends { name: string; dependsOn: readonly string[] }>(
  environments: readonly T[] | undefined,
): T[] {
  if (!Array.isArray(environments) || environments.length === 0) {
    throw new ReleaseDataError('A release needs at least one environment', '$.environments', environments);
  }
  const byName = new Map<string, number>();
  environments.forEach((environment, index) => {
    const name = environment?.name;
    if (typeof name !== 'string' || name === '') {
      throw new ReleaseDataError('An environment needs a name', `$.environments[${index}].name`, name);
    }
    const first = byName.get(name);
    if (first !== undefined) {
      throw new ReleaseDataError(
        `Environment "${name}" appears twice (environments ${first} and ${index})`,
        `$.environments[${index}].name`,
        name,
      );
    }
    byName.set(name, index);
  });
  environments.forEach((environment, index) => {
    const dependsOn = environment.dependsOn ?? [];
    if (!Array.isArray(dependsOn)) {
      throw new ReleaseDataError(`Environment "${environment.name}" has a dependsOn that is not a list`, `$.environments[${index}].dependsOn`, dependsOn);
    }
    dependsOn.forEach((dependency, d) => {
      if (!byName.has(dependency)) {
        throw new ReleaseDataError(
          `Environment "${environment.name}" depends on "${String(dependency)}", which is not an environment of this release`,
          `$.environments[${index}].dependsOn[${d}]`,
          dependency,
        );
      }
    });
  });

  // Depth-first search with colours; the grey path is the cycle when a grey node is met again.
  const state = new Map<string, 1 | 2>();
  const order: T[] = [];
  const path: string[] = [];
  const visit = (index: number): void => {
    const environment = environments[index]!;
    state.set(environment.name, 1);
    path.push(environment.name);
    for (const dependency of environment.dependsOn ?? []) {
      const seen = state.get(dependency);
      if (seen === 1) {
        const cycle = [...path.slice(path.indexOf(dependency)), dependency];
        throw new ReleaseDataError(
          `The environments form a cycle: ${cycle.join(' -> ')}`,
          `$.environments[${byName.get(dependency)}].dependsOn`,
          cycle,
        );
      }
      if (seen === undefined) visit(byName.get(dependency)!);
    }
    path.pop();
    state.set(environment.name, 2);
    order.push(environment);
  };
  environments.forEach((environment, index) => {
    if (!state.has(environment.name)) visit(index);
  });
  return order;
}
