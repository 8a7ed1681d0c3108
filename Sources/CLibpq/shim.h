// CLibpq: libpq, the official PostgreSQL C client library, for Swift. Only PGClient imports it.
//
// `pkg-config --cflags libpq` gives -I/usr/include/postgresql on Debian; without pkg-config the
// same header is still found as <postgresql/libpq-fe.h> (its own includes are relative to it).
#ifndef ARENA_CLIBPQ_SHIM_H
#define ARENA_CLIBPQ_SHIM_H

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#endif
