/*
 * A huge function from a small text: macros fan out to a thousand
 * branches, each of which may sleep, take or drop the count.
 */
static int hf_flags[16];

#define HF_STEP(i) \
	if (hf_flags[(i) & 15]) { \
		if (kmalloc(8, GFP_KERNEL) == NULL) \
			return -ENOMEM; \
		MOD_INC_USE_COUNT; \
	} else if (hf_flags[((i) + 1) & 15]) { \
		MOD_DEC_USE_COUNT; \
	}
#define HF_10(i) HF_STEP(i) HF_STEP(i + 1) HF_STEP(i + 2) HF_STEP(i + 3) \
	HF_STEP(i + 4) HF_STEP(i + 5) HF_STEP(i + 6) HF_STEP(i + 7) \
	HF_STEP(i + 8) HF_STEP(i + 9)
#define HF_100(i) HF_10(i) HF_10(i + 10) HF_10(i + 20) HF_10(i + 30) \
	HF_10(i + 40) HF_10(i + 50) HF_10(i + 60) HF_10(i + 70) \
	HF_10(i + 80) HF_10(i + 90)

static int hf_open(struct inode *inode, struct file *file)
{
	HF_100(0)
	HF_100(100)
	HF_100(200)
	HF_100(300)
	HF_100(400)
	HF_100(500)
	HF_100(600)
	HF_100(700)
	HF_100(800)
	HF_100(900)
	return 0;
}

static struct file_operations hf_fops = {
	open:	hf_open,
};
