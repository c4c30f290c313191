/*
 * modlife test mock of the FreeBSD <sys/kobj.h>: kernel objects.
 * A driver_t is a kobj class; its method table pairs each method's
 * descriptor (device_probe_desc, ...) with the driver's function.
 */
#ifndef _MOCKFBSD_SYS_KOBJ_H
#define _MOCKFBSD_SYS_KOBJ_H

#include <sys/types.h>

typedef struct kobj *kobj_t;
typedef struct kobj_class *kobj_class_t;
typedef const struct kobj_method kobj_method_t;
typedef int (*kobjop_t)(void);
typedef struct kobj_ops *kobj_ops_t;
typedef struct kobjop_desc *kobjop_desc_t;
struct malloc_type;

struct kobj_method {
	kobjop_desc_t desc;
	kobjop_t func;
};

#define KOBJ_CLASS_FIELDS \
	const char *name;		/* class name */ \
	kobj_method_t *methods;		/* method table */ \
	size_t size;			/* object size */ \
	kobj_class_t *baseclasses;	/* base classes */ \
	u_int refs;			/* reference count */ \
	kobj_ops_t ops			/* compiled method table */

struct kobj_class {
	KOBJ_CLASS_FIELDS;
};

#define KOBJ_FIELDS \
	kobj_ops_t ops

struct kobj {
	KOBJ_FIELDS;
};

#define KOBJ_CACHE_SIZE 256

struct kobj_ops {
	kobj_method_t *cache[KOBJ_CACHE_SIZE];
	kobj_class_t cls;
};

struct kobjop_desc {
	unsigned int id;		/* unique ID */
	kobj_method_t deflt;		/* default implementation */
};

/* The conditional type-checks FUNC against the method's NAME##_t. */
#define KOBJMETHOD(NAME, FUNC) \
	{ &NAME##_desc, (kobjop_t) (1 ? FUNC : (NAME##_t *)NULL) }

#define KOBJMETHOD_END { NULL, NULL }

#define DEFINE_CLASS(name, methods, size) \
	DEFINE_CLASS_0(name, name ## _class, methods, size)

#define DEFINE_CLASS_0(name, classvar, methods, size) \
struct kobj_class classvar = { \
	#name, methods, size, NULL, 0, NULL \
}

/* The class's function for a method, or the method's default. */
kobj_method_t *kobj_lookup_method(kobj_class_t cls, kobj_method_t **cep,
    kobjop_desc_t desc);
void kobj_class_compile(kobj_class_t cls);
void kobj_class_free(kobj_class_t cls);
kobj_t kobj_create(kobj_class_t cls, struct malloc_type *mtype, int mflags);
void kobj_init(kobj_t obj, kobj_class_t cls);
void kobj_delete(kobj_t obj, struct malloc_type *mtype);

#endif /* _MOCKFBSD_SYS_KOBJ_H */
