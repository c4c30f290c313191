// Coccinelle as a peer point for the benchmark: semantic patches for two of
// the shapes modlife finds, run by bench/run-bench.py on the same TUs.
// They are deliberately simple, as a Coccinelle user would first write
// them: intraprocedural, with no knowledge of entry points, owners or
// which returns are failures beyond "a negative constant".

// modlife-unchecked-try-module-get: the result is thrown away.
@unchecked@
expression E;
@@
* try_module_get(E);

// modlife-missing-release-on-error (formerly missing-dec-on-error): a reference taken, then a path to a
// negative-constant return with no module_put of the same owner.
@leak exists@
expression E;
constant C;
statement S;
@@
  if (!try_module_get(E)) S
  ... when != module_put(E)
* return -C;
