/*
 * Deeply nested control flow from a small text: each level is a loop, a
 * branch or a switch, 64 levels down, with a reference taken at the bottom.
 * modlife-mock: linux-6
 */
struct dn_dev {
	struct module *owner;
	int level[64];
};

#define DN_IF(s) if (d->level[__LINE__ & 63]) { s } else { msleep(1); }
#define DN_LOOP(s) for (int i = 0; i < d->level[1]; i++) { s }
#define DN_SWITCH(s) switch (d->level[2]) { case 1: s break; default: break; }
#define DN_2(s) DN_IF(DN_LOOP(s))
#define DN_4(s) DN_2(DN_SWITCH(DN_2(s)))
#define DN_16(s) DN_4(DN_4(DN_4(s)))
#define DN_64(s) DN_16(DN_16(DN_4(s)))

int dn_deep(struct dn_dev *d)
{
	DN_64(if (!try_module_get(d->owner)) return -ENODEV; \
	      if (d->level[3]) return -EIO; \
	      module_put(d->owner);)
	return 0;
}
