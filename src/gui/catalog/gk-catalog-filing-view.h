/* gk-catalog-filing-view.h — 备案: the filing banner's text and the
 * differences between the filed and the current catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/gk-catalog-filing.h"
#include "core/gk-database.h"

G_BEGIN_DECLS

/* "Filed on 2020年1月13日 by 孙丽娟; 3 changes since", or that the catalog
 * was never filed (FILING NULL). */
char *gk_catalog_filing_view_describe         (const GkCatalogFiling *filing);

/* A window over PARENT listing what was added, removed and changed since
 * the newest filing of CATALOG_ID. */
void  gk_catalog_filing_view_show_differences (GtkWindow             *parent,
                                               GkDatabase            *db,
                                               gint64                 catalog_id,
                                               const char            *catalog_name);

G_END_DECLS
