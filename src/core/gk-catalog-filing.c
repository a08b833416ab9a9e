/* gk-catalog-filing.c: 备案 of catalogs with party office */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-csv.h"
#include "core/gk-catalog-filing.h"
#include "core/gk-core-error.h"

void
gk_catalog_filing_free (GkCatalogFiling *filing)
{
  if (filing == NULL)
    return;
  g_free (filing->filed_at);
  g_free (filing->filed_by_name);
  g_free (filing->sha256);
  g_free (filing->note);
  g_free (filing);
}

typedef struct
{
  gint64      actor_id;
  gint64      catalog_id;
  const char *note;
  gint64      seen_revision;  /* < 0: file whatever the catalog is now */
  gint64      id;
} Filing;

static gboolean
file_in_write (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  Filing *filing = user_data;
  g_autoptr(sqlite3_stmt) role = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *at = NULL;
  g_autofree char *revision_text = NULL;
  g_autofree char *json = NULL;
  gint64 last_revision;

  role = gk_database_prepare (db, "SELECT 1 FROM roles WHERE person_id = ? AND role = 'party-office'", error);
  if (role == NULL)
    return FALSE;
  sqlite3_bind_int64 (role, 1, filing->actor_id);
  if (sqlite3_step (role) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only party office files catalogs (第十二条)"));
      return FALSE;
    }

  /* Read inside the write lock: the snapshot and the revision it ends
   * with belong together. */
  if (gk_catalog_get_organization (db, filing->catalog_id, error) == 0 ||
      (snapshot = gk_catalog_export_csv (db, filing->catalog_id, error)) == NULL ||
      (last_revision = gk_catalog_last_revision (db, filing->catalog_id, error)) < 0)
    return FALSE;
  if (filing->seen_revision >= 0 && last_revision != filing->seen_revision)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
                   _("The catalog was changed on another computer since it was shown; look at the changes and file it again"));
      return FALSE;
    }
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, snapshot, -1);
  at = gk_database_timestamp (db);

  insert = gk_database_prepare (db,
                                "INSERT INTO catalog_filings (catalog_id, filed_at, filed_by, last_revision_id, snapshot, sha256, note)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, filing->catalog_id);
  sqlite3_bind_text (insert, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, filing->actor_id);
  sqlite3_bind_int64 (insert, 4, last_revision);
  sqlite3_bind_text (insert, 5, snapshot, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, filing->note, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, insert, error))
    return FALSE;
  filing->id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  revision_text = g_strdup_printf ("%" PRId64, last_revision);
  json = gk_audit_json ("sha256", sha256, "last_revision_id", revision_text, "note", filing->note, NULL);
  return gk_audit_append (db, "catalog-filing", filing->id, "file", NULL, json, error);
}

gint64
gk_catalog_file (GkDatabase  *db,
                 gint64       actor_id,
                 gint64       catalog_id,
                 const char  *note,
                 GError     **error)
{
  return gk_catalog_file_version (db, actor_id, catalog_id, -1, note, error);
}

gint64
gk_catalog_file_version (GkDatabase  *db,
                         gint64       actor_id,
                         gint64       catalog_id,
                         gint64       seen_revision,
                         const char  *note,
                         GError     **error)
{
  Filing filing = { actor_id, catalog_id, note, seen_revision, 0 };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, file_in_write, &filing, error))
    return 0;
  return filing.id;
}

#define LAST_FILING_SQL \
  "SELECT f.id, f.filed_at, f.filed_by, coalesce (p.name, ''), f.last_revision_id, f.sha256, f.note," \
  "       (SELECT count (*) FROM item_revisions r JOIN catalog_items i ON i.id = r.item_id" \
  "         WHERE i.catalog_id = f.catalog_id AND r.id > f.last_revision_id)," \
  "       f.snapshot" \
  " FROM catalog_filings f LEFT JOIN people p ON p.id = f.filed_by" \
  " WHERE f.catalog_id = ? ORDER BY f.id DESC LIMIT 1"

/* The newest filing and, when SNAPSHOT is not NULL, its CSV; FALSE with
 * no error when there is none. */
static gboolean
read_last_filing (GkDatabase       *db,
                  gint64            catalog_id,
                  GkCatalogFiling **out,
                  char            **snapshot,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, LAST_FILING_SQL, error);
  GkCatalogFiling *filing;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the filings of the catalog"));
      return FALSE;
    }

  filing = g_new0 (GkCatalogFiling, 1);
  filing->id = sqlite3_column_int64 (stmt, 0);
  filing->catalog_id = catalog_id;
  filing->filed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  filing->filed_by = sqlite3_column_int64 (stmt, 2);
  filing->filed_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  filing->last_revision_id = sqlite3_column_int64 (stmt, 4);
  filing->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  filing->note = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  filing->changes_since = (guint) sqlite3_column_int64 (stmt, 7);
  if (snapshot != NULL)
    *snapshot = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  *out = filing;
  return TRUE;
}

GkCatalogFiling *
gk_catalog_last_filing (GkDatabase  *db,
                        gint64       catalog_id,
                        GError     **error)
{
  GkCatalogFiling *filing = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  read_last_filing (db, catalog_id, &filing, NULL, error);
  return filing;
}

GPtrArray *
gk_catalog_diff_filed (GkDatabase  *db,
                       gint64       catalog_id,
                       GError     **error)
{
  g_autoptr(GkCatalogFiling) filing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if (!read_last_filing (db, catalog_id, &filing, &snapshot, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("The catalog has never been filed"));
      return NULL;
    }

  /* The triggers stop the app; this notices a change made behind its back. */
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, snapshot, -1);
  if (!g_str_equal (sha256, filing->sha256))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BROKEN_CHAIN,
                   _("Filing %" PRId64 " does not match its SHA-256: the filed catalog was altered"), filing->id);
      return NULL;
    }

  current = gk_catalog_export_csv (db, catalog_id, error);
  if (current == NULL)
    return NULL;
  return gk_catalog_csv_diff (snapshot, current, error);
}
