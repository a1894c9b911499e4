/* abigen links Debian's libz3-dev (apt-get install libz3-dev). If this include fails,
 * the Z3 development headers are missing: install them with `apt-get install -y libz3-dev`. */
#include <z3.h>
