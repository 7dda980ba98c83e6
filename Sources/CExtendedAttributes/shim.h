// Extended attributes (ACLs are stored among them), which Glibc's Swift module leaves out:
// an atomic rewrite copies them onto the new file.
#include <sys/xattr.h>
