/*
 * modlife-unchecked-try-module-get: NOLINT comments, as in clang-tidy. A
 * NOLINT for this check, for every check, or for modlife-* silences the
 * finding on its line; NOLINTNEXTLINE the one on the next line; a NOLINT
 * for another check does not.
 * modlife-mock: linux-6
 */
#include <linux/module.h>

void hold_a(struct module *m)
{
	try_module_get(m); // NOLINT(modlife-unchecked-try-module-get)
}

void hold_b(struct module *m)
{
	try_module_get(m); // NOLINT
}

void hold_c(struct module *m)
{
	// NOLINTNEXTLINE(modlife-*)
	try_module_get(m);
}

void hold_d(struct module *m)
{
	try_module_get(m); // NOLINT(modlife-missing-owner) expected-warning {{the result of 'try_module_get' is ignored}}
}

// NOLINTBEGIN(modlife-unchecked-try-module-get)
void hold_e(struct module *m)
{
	try_module_get(m);
}
// NOLINTEND(modlife-unchecked-try-module-get)

void hold_f(struct module *m)
{
	try_module_get(m); // expected-warning {{the result of 'try_module_get' is ignored}}
}
