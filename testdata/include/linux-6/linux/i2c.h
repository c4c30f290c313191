/* modlife test mock of the Linux 6.1 <linux/i2c.h>: I2C client drivers. */
#ifndef _MOCK6_LINUX_I2C_H
#define _MOCK6_LINUX_I2C_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct i2c_adapter {
	struct module *owner;
	unsigned int class;
	int nr;
	char name[48];
	struct device dev;
};

struct i2c_client {
	unsigned short flags;
	unsigned short addr;
	char name[I2C_NAME_SIZE];
	struct i2c_adapter *adapter;
	struct device dev;
	int init_irq;
	int irq;
};

#define to_i2c_client(d) container_of(d, struct i2c_client, dev)

/* In 6.1 remove returns void and probe still takes the id (probe_new does not). */
struct i2c_driver {
	unsigned int class;
	int (*probe)(struct i2c_client *client, const struct i2c_device_id *id);
	void (*remove)(struct i2c_client *client);
	int (*probe_new)(struct i2c_client *client);
	void (*shutdown)(struct i2c_client *client);
	struct device_driver driver;
	const struct i2c_device_id *id_table;
	const unsigned short *address_list;
	u32 flags;
};

#define to_i2c_driver(d) container_of(d, struct i2c_driver, driver)

/* Registering sets driver.owner to the module passed. */
extern int i2c_register_driver(struct module *owner, struct i2c_driver *driver);
extern void i2c_del_driver(struct i2c_driver *driver);

#define i2c_add_driver(driver) \
	i2c_register_driver(THIS_MODULE, driver)

#define module_i2c_driver(__i2c_driver) \
	module_driver(__i2c_driver, i2c_add_driver, i2c_del_driver)

static inline void *i2c_get_clientdata(const struct i2c_client *client)
{
	return dev_get_drvdata(&client->dev);
}

static inline void i2c_set_clientdata(struct i2c_client *client, void *data)
{
	dev_set_drvdata(&client->dev, data);
}

/* Bus transfers take the adapter lock and may sleep. */
extern s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command);
extern s32 i2c_smbus_write_byte_data(const struct i2c_client *client, u8 command, u8 value);

#endif /* _MOCK6_LINUX_I2C_H */
