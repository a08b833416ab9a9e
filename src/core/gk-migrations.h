#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SQL that takes the schema from VERSION - 1 to VERSION. A landed
 * version is never edited: later changes are new versions. */
const char *gk_migrations_get (int version);

G_END_DECLS
