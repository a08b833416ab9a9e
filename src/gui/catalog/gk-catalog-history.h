/* gk-catalog-history.h — an item's revisions: when, who, field, old → new, why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/gk-catalog-item.h"
#include "core/gk-database.h"

G_BEGIN_DECLS

/* Opens a window over PARENT listing ITEM's revisions, newest first. */
void  gk_catalog_history_show  (GtkWindow     *parent,
                                GkDatabase    *db,
                                GkCatalogItem *item);

/* "2020-01-13 09:30" in local time, from a stored ISO 8601 timestamp. */
char *gk_catalog_history_when  (const char    *iso8601);

/* A field as the reader calls it ("Content"), and a value of it as shown. */
const char *gk_catalog_history_field_label (const char *field);
char       *gk_catalog_history_value       (const char *field,
                                            const char *value);

G_END_DECLS
