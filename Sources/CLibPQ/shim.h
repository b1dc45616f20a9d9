// libpq, PostgreSQL's C client library (Debian: libpq-dev), for its
// declarations only: samtal opens libpq itself when the region is first
// used (SamtalRegion/PG.swift), so that a start of samtal does not load it
// and the libraries it needs (issue 15). Debian keeps the header in
// /usr/include/postgresql, other systems in /usr/include.
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#else
#include <libpq-fe.h>
#endif
