/* nebula_main.c -- registration: the file_operations name functions that
 * nebula_ops.c defines. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/init.h>
#include "nebula.h"

static struct file_operations nebula_fops = {
	open: nebula_open,
	release: nebula_release,
};

static struct file_operations nebula_ctl_fops = {
	owner: THIS_MODULE,
	open: nebula_ctl_open,
	release: nebula_release,
};

static int __init nebula_init(void)
{
	if (register_chrdev(240, "nebula", &nebula_fops))
		return -EIO;
	if (register_chrdev(241, "nebula_ctl", &nebula_ctl_fops)) {
		unregister_chrdev(240, "nebula");
		return -EIO;
	}
	return 0;
}

static void __exit nebula_exit(void)
{
	unregister_chrdev(241, "nebula_ctl");
	unregister_chrdev(240, "nebula");
}

module_init(nebula_init);
module_exit(nebula_exit);
