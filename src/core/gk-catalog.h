#pragma once

#include <gio/gio.h>

#include "core/gk-catalog-item.h"
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
/* Inside gk_database_write(): a new category at the end, refused when the
 * catalog has one of that name; REASON (may be NULL) is audited. */
gint64      gk_catalog_add_category         (GkDatabase  *db,
                                             gint64       catalog_id,
                                             const char  *name,
                                             const char  *reason,
                                             GError     **error);
/* The id of a category of the catalog by name, or 0 with NOT_FOUND. */
gint64      gk_catalog_find_category        (GkDatabase  *db,
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
/* Inside gk_database_write(): replaces an item's responsible organizations
 * and audiences (arrays of ids in display order; NULL leaves that set as it
 * is) and brings the search index up to date. */
gboolean    gk_catalog_replace_links        (GkDatabase  *db,
                                             gint64       item_id,
                                             GArray      *responsible,
                                             GArray      *audiences,
                                             GError     **error);
/* Inside gk_database_write(): keeps the search index in step with one
 * item (its row is the item id) after any change of it. */
gboolean    gk_catalog_reindex_item         (GkDatabase  *db,
                                             gint64       item_id,
                                             GError     **error);
/* The school committee's catalog (the organization of kind "committee"). */
gint64      gk_catalog_get_default          (GkDatabase  *db,
                                             GError     **error);

/* All items of a catalog as GkCatalogItem, in category then number order. */
GListModel *gk_catalog_list_items           (GkDatabase  *db,
                                             gint64       catalog_id,
                                             GError     **error);
/* One item, active or retired, as it is now. */
GkCatalogItem *gk_catalog_get_item          (GkDatabase  *db,
                                             gint64       item_id,
                                             GError     **error);
/* The id of item NUMBER (active or retired), or 0 with NOT_FOUND. */
gint64      gk_catalog_find_item            (GkDatabase  *db,
                                             gint64       catalog_id,
                                             guint        number,
                                             GError     **error);
/* What a change must name as its expected row version. */
gint64      gk_catalog_get_item_row_version (GkDatabase  *db,
                                             gint64       item_id,
                                             GError     **error);
/* Whose catalog it is. */
gint64      gk_catalog_get_organization     (GkDatabase  *db,
                                             gint64       catalog_id,
                                             GError     **error);
/* The id of the newest revision of any item of the catalog, 0 when none;
 * -1 on error. Filings and imports compare it to see later changes. */
gint64      gk_catalog_last_revision        (GkDatabase  *db,
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

/* RFC 4180 CSV with header no,category,content,responsible,audiences,cadence:
 * the active items, by category then number (retired items are history,
 * not part of the published or filed catalog). */
char       *gk_catalog_export_csv           (GkDatabase  *db,
                                             gint64       catalog_id,
                                             GError     **error);

/* An organization that keeps a catalog or may start one. */
typedef struct
{
  gint64  organization_id;
  char   *name;         /* the full name */
  char   *short_name;   /* the short name, or the name */
  char   *kind;         /* committee, discipline, general-branch, branch … */
  gint64  catalog_id;   /* 0: none yet */
} GkCatalogOwner;

void        gk_catalog_owner_free           (GkCatalogOwner *owner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalogOwner, gk_catalog_owner_free)

/* The organizations whose catalog a user may choose, as GkCatalogOwner:
 * the school committee, the discipline commission and the general
 * branches (第八、九、十一条), with or without a catalog, and any other
 * organization that has one; committee first, then by id. */
GPtrArray  *gk_catalog_list_owners          (GkDatabase  *db,
                                             GError     **error);
/* Active organizations an item may name as responsible, as GkChoice (see
 * gk-choices.h: name the short name, detail the full name), by id. */
GPtrArray  *gk_catalog_list_organizations   (GkDatabase  *db,
                                             GError     **error);
/* The ids (gint64) of an item's responsible organizations, in order. */
GArray     *gk_catalog_get_item_responsible (GkDatabase  *db,
                                             gint64       item_id,
                                             GError     **error);

G_END_DECLS
