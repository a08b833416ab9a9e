/* gk-catalog-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/gk-context.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_PAGE (gk_catalog_page_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogPage, gk_catalog_page, GK, CATALOG_PAGE, GtkWidget)

/* The 公开目录 tab; read-only for the context's person (its "person-id",
 * 0: nobody chosen yet) when gk_catalog_may_edit() refuses. */
GkContext *gk_catalog_page_get_context  (GkCatalogPage *self);
void       gk_catalog_page_set_context  (GkCatalogPage *self,
                                         GkContext     *context);
void       gk_catalog_page_focus_search (GkCatalogPage *self);
void       gk_catalog_page_refresh      (GkCatalogPage *self);

G_END_DECLS
