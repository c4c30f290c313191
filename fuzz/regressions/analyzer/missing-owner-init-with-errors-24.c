/*
 * Found by the analyzer fuzzer (smoke run): an ops struct whose initializer
 * holds an invalid declaration. Clang gives the list type void and keeps
 * the elements as written; modlife-missing-owner read it as the struct's
 * fields and called fields() on a null RecordDecl (UBSan: member call on
 * null pointer, MissingOwnerCheck.cpp). Fixed: a list with errors is skipped.
 */
undeclared_t foo_read;
struct file_operations foo_fops = { NULL, foo_read };
module_exit(foo_exit);
