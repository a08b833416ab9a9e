/* gk-catalog-item-dialog.h — adds or changes one item of a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_ITEM_DIALOG (gk_catalog_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogItemDialog, gk_catalog_item_dialog, GK, CATALOG_ITEM_DIALOG, AdwWindow)

/* A modal window over PARENT in which PERSON_ID adds an item to
 * CATALOG_ID (ITEM_ID 0) or changes item ITEM_ID: content, category (a
 * move), number (a renumbering), responsible organizations, audiences and
 * cadence, with the reason every change needs. Emits "saved" (gint64 item
 * id) and closes after a successful save. */
GtkWidget *gk_catalog_item_dialog_new (GtkWindow  *parent,
                                       GkDatabase *db,
                                       gint64      person_id,
                                       gint64      catalog_id,
                                       gint64      item_id);

G_END_DECLS
