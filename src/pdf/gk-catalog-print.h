/* gk-catalog-print.h — a catalog from the database, as the table to print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/gk-database.h"
#include "pdf/gk-catalog-renderer.h"

G_BEGIN_DECLS

/* Reads the catalog through the core on the thread that owns the
 * connection; rendering the table may then happen anywhere. The active
 * items (the catalog as published and filed) in category then number
 * order, titled "<organization>党务公开目录", with the organization and
 * its newest filing (date, number, changes since) in the heading. */
GkCatalogTable *gk_catalog_print_table (GkDatabase  *db,
                                        gint64       catalog_id,
                                        GError     **error);

/* "2020年1月13日" in local time, from a stored ISO 8601 timestamp; NULL
 * when it is not one. */
char           *gk_catalog_print_date  (const char  *iso8601,
                                        GDate       *date);

G_END_DECLS
