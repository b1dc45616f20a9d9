// libpq, PostgreSQL's C client library (Debian: libpq-dev; the include
// folder comes from pkg-config libpq).
#include <libpq-fe.h>
