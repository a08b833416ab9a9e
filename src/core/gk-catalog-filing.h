#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* 备案 (第十二条): party office files a version of a catalog. The filing
 * keeps the catalog's export CSV at that moment, its SHA-256 and the newest
 * revision it includes; the database refuses to change or remove it. */

typedef struct
{
  gint64  id;
  gint64  catalog_id;
  char   *filed_at;
  gint64  filed_by;
  char   *filed_by_name;
  gint64  last_revision_id;
  char   *sha256;
  char   *note;
  guint   changes_since;    /* revisions of the catalog's items after the filing */
} GkCatalogFiling;

void             gk_catalog_filing_free  (GkCatalogFiling *filing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalogFiling, gk_catalog_filing_free)

/* Files the catalog as it is now, as ACTOR_ID (party office only); NOTE may
 * be NULL. The new filing's id. */
gint64           gk_catalog_file         (GkDatabase  *db,
                                          gint64       actor_id,
                                          gint64       catalog_id,
                                          const char  *note,
                                          GError     **error);
/* The same, but only the version the person looked at: SEEN_REVISION is
 * gk_catalog_last_revision() when the catalog was shown (< 0: any). After
 * another desktop's change, GK_CORE_ERROR_CONFLICT and nothing filed. */
gint64           gk_catalog_file_version (GkDatabase  *db,
                                          gint64       actor_id,
                                          gint64       catalog_id,
                                          gint64       seen_revision,
                                          const char  *note,
                                          GError     **error);

/* The newest filing of the catalog; NULL without an error when it was
 * never filed. */
GkCatalogFiling *gk_catalog_last_filing  (GkDatabase  *db,
                                          gint64       catalog_id,
                                          GError     **error);

/* What changed from the newest filing to the catalog now, as GkCatalogDiff
 * (see gk-catalog-csv.h); NOT_FOUND when it was never filed. */
GPtrArray       *gk_catalog_diff_filed   (GkDatabase  *db,
                                          gint64       catalog_id,
                                          GError     **error);

G_END_DECLS
