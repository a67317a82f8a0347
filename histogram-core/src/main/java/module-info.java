/**
 * Stria's recording cells. Not API: the package is exported only to {@code dev.stria}, whose
 * instruments wrap the cells; on the class path (benchmarks) it is as visible as any package.
 */
@SuppressWarnings("module") // dev.stria is compiled after this module: javac cannot see it yet
module dev.stria.core {
  exports dev.stria.core.internal to dev.stria;
}
