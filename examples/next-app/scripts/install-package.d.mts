/** Packs the root package and unpacks it into `node_modules/gitops-releases`; returns the tarball's name. */
export function installPackage(): string;
