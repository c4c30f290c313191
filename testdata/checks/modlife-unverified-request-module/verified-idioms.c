/*
 * modlife-unverified-request-module: the correct idioms stay silent. A
 * lookup, a load and the lookup again (also in the && shape of 6.1's
 * get_fs_type()); try_then_request_module(); request_module_nowait() as a
 * hint; a wrapper that just returns the load's result to a caller that
 * looks again; a stale pointer that is tested before use; and a load with
 * no lookup before it.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/kmod.h>
#include <linux/errno.h>

// expected-no-diagnostics

struct fs_kind {
	int flags;
};

extern struct fs_kind *find_fs_kind(const char *name);

/* fs/filesystems.c of 6.1: the stale pointer is tested in an && chain. */
struct fs_kind *get_fs_kind(const char *name, const char *dot)
{
	struct fs_kind *fs;

	fs = find_fs_kind(name);
	if (!fs && request_module("fs-%s", name) == 0)
		fs = find_fs_kind(name);
	if (dot && fs && fs->flags < 0)
		fs = NULL;
	return fs;
}

struct fs_kind *get_fs_kind_again(const char *name)
{
	struct fs_kind *fs = find_fs_kind(name);

	if (!fs) {
		request_module("fs-%s", name);
		fs = find_fs_kind(name);
	}
	if (!fs)
		return NULL;
	fs->flags = 0;
	return fs;
}

struct fs_kind *get_fs_kind_try_then(const char *name)
{
	return try_then_request_module(find_fs_kind(name), "fs-%s", name);
}

void prefetch_fs_kind(const char *name)
{
	if (!find_fs_kind(name))
		request_module_nowait("fs-%s", name);
}

int load_fs_kind(const char *name)
{
	return request_module("fs-%s", name);
}

int use_fs_kind(const char *name)
{
	struct fs_kind *fs = find_fs_kind(name);

	if (!fs)
		request_module("fs-%s", name);
	if (!fs)
		return -ENOENT;
	return fs->flags;
}

/* A NULL return after the load is a failure, not a success. */
struct fs_kind *find_or_load(const char *name)
{
	if (!find_fs_kind(name)) {
		if (request_module("fs-%s", name) == 0)
			return find_fs_kind(name);
		return 0;
	}
	return find_fs_kind(name);
}

void *find_or_nothing(const char *name)
{
	if (!find_fs_kind(name) && request_module("fs-%s", name) != 0)
		return 0;
	return 0;
}

int load_helper_module(void)
{
	int err = request_module("fs-helper");

	if (err)
		return err;
	return 0;
}
