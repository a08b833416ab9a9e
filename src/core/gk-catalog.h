#pragma once

#include <gio/gio.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* The catalog of an organization: its id, or 0 with NOT_FOUND. */
gint64      gk_catalog_get_for_organization (GkDatabase  *db,
                                             gint64       organization_id,
                                             GError     **error);
/* Inside gk_database_write(): a new, empty catalog for an organization. */
gint64      gk_catalog_create               (GkDatabase  *db,
                                             gint64       organization_id,
                                             GError     **error);
/* Inside gk_database_write(): the category's id, appended when missing. */
gint64      gk_catalog_ensure_category      (GkDatabase  *db,
                                             gint64       catalog_id,
                                             const char  *name,
                                             GError     **error);
/* Inside gk_database_write(): a new item. RESPONSIBLE and AUDIENCES are
 * arrays of ids (gint64) in display order. */
gint64      gk_catalog_add_item             (GkDatabase  *db,
                                             gint64       catalog_id,
                                             gint64       category_id,
                                             guint        number,
                                             const char  *content,
                                             GArray      *responsible,
                                             GArray      *audiences,
                                             const char  *cadence,
                                             GError     **error);
/* The school committee's catalog (the organization of kind "committee"). */
gint64      gk_catalog_get_default          (GkDatabase  *db,
                                             GError     **error);

/* All items of a catalog as GkCatalogItem, in category then number order. */
GListModel *gk_catalog_list_items           (GkDatabase  *db,
                                             gint64       catalog_id,
                                             GError     **error);
/* Category names of a catalog in their order, NULL-terminated. */
char      **gk_catalog_list_categories      (GkDatabase  *db,
                                             gint64       catalog_id,
                                             GError     **error);

/* Ids (gint64 keys, g_int64_hash) of the items of a catalog whose content, category, responsible
 * organizations or audiences contain QUERY. Queries of three or more
 * characters go through the FTS5 trigram index; shorter ones (党费, 公示)
 * through a scan, which FTS5's trigram tokenizer cannot answer. */
GHashTable *gk_catalog_search               (GkDatabase  *db,
                                             gint64       catalog_id,
                                             const char  *query,
                                             GError     **error);

/* RFC 4180 CSV with header no,category,content,responsible,audiences,cadence */
char       *gk_catalog_export_csv           (GkDatabase  *db,
                                             gint64       catalog_id,
                                             GError     **error);

G_END_DECLS
