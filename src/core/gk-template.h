#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Fills a new, empty database from a built-in template: "jinzhong-2020"
 * (the annex of the 2020 measures: 45 items in 9 categories, with their
 * organizations and audiences) or "empty" (the same vocabulary, no items).
 * All or nothing, in one write transaction. */
gboolean gk_template_apply (GkDatabase  *db,
                            const char  *name,
                            GError     **error);

const char * const *gk_template_list (void);

/* Creates a new database file at PATH (its folder too) filled from
 * TEMPLATE. Refuses an existing file. */
GkDatabase *gk_template_create_database (const char  *path,
                                         const char  *template_name,
                                         GError     **error);

G_END_DECLS
