/** A user's modular application: it names only Stria's exporter modules. */
module dev.stria.modular {
  requires dev.stria.prometheus;
  requires dev.stria.otlp;
}
