/* gk-catalog-checklist-view.h — what the measures require a catalog to
 * disclose, the items that cover it, and the gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* A window over PARENT: each requirement of the catalog's article with
 * the numbers of the items covering it; a gap is marked by an icon and
 * by text, never by colour alone. */
void gk_catalog_checklist_view_show (GtkWindow  *parent,
                                     GkDatabase *db,
                                     gint64      catalog_id,
                                     const char *catalog_name);

G_END_DECLS
