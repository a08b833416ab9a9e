/* gk-catalog.c: disclosure catalogs (公开目录), their items and search */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-search.h"

/* Responsible organizations and audiences of item i, joined with 、 in
 * their stored order. */
#define ITEM_RESPONSIBLE_SQL \
  "(SELECT group_concat (n, '、') FROM" \
  " (SELECT coalesce (o.short_name, o.name) AS n FROM item_responsible r" \
  "  JOIN organizations o ON o.id = r.organization_id" \
  "  WHERE r.item_id = i.id ORDER BY r.position))"
#define ITEM_AUDIENCES_SQL \
  "(SELECT group_concat (n, '、') FROM" \
  " (SELECT a.name AS n FROM item_audiences x" \
  "  JOIN audiences a ON a.id = x.audience_id" \
  "  WHERE x.item_id = i.id ORDER BY x.position))"

#define ITEM_ROWS_SQL \
  "SELECT i.id, i.number, c.name, c.position, i.content, " \
  ITEM_RESPONSIBLE_SQL ", " ITEM_AUDIENCES_SQL ", i.cadence, i.active" \
  " FROM catalog_items i JOIN categories c ON c.id = i.category_id" \
  " WHERE i.catalog_id = ? ORDER BY c.position, i.number"

enum {
  COL_ID,
  COL_NUMBER,
  COL_CATEGORY,
  COL_CATEGORY_POSITION,
  COL_CONTENT,
  COL_RESPONSIBLE,
  COL_AUDIENCES,
  COL_CADENCE,
  COL_ACTIVE,
};

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

gint64
gk_catalog_get_for_organization (GkDatabase  *db,
                                 gint64       organization_id,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  stmt = gk_database_prepare (db, "SELECT id FROM catalogs WHERE organization_id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("This organization has no disclosure catalog yet"));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gint64
gk_catalog_get_default (GkDatabase  *db,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  stmt = gk_database_prepare (db,
                              "SELECT c.id FROM catalogs c JOIN organizations o ON o.id = c.organization_id"
                              " WHERE o.kind = 'committee' ORDER BY o.id LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("The database has no school committee catalog"));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gint64
gk_catalog_create (GkDatabase  *db,
                   gint64       organization_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *org_text = g_strdup_printf ("%" G_GINT64_FORMAT, organization_id);
  g_autofree char *json = NULL;
  gint64 id;

  g_return_val_if_fail (gk_database_in_write (db), 0);

  stmt = gk_database_prepare (db, "INSERT INTO catalogs (organization_id) VALUES (?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  if (!gk_database_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  json = gk_audit_json ("organization_id", org_text, NULL);
  if (!gk_audit_append (db, "catalog", id, "add", NULL, json, error))
    return 0;
  return id;
}

gint64
gk_catalog_ensure_category (GkDatabase  *db,
                            gint64       catalog_id,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *json = NULL;
  gint64 id;

  g_return_val_if_fail (gk_database_in_write (db), 0);

  find = gk_database_prepare (db, "SELECT id FROM categories WHERE catalog_id = ? AND name = ?", error);
  if (find == NULL)
    return 0;
  sqlite3_bind_int64 (find, 1, catalog_id);
  sqlite3_bind_text (find, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);

  insert = gk_database_prepare (db,
                                "INSERT INTO categories (catalog_id, name, position)"
                                " SELECT ?1, ?2, coalesce (max (position), 0) + 1 FROM categories WHERE catalog_id = ?1",
                                error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, catalog_id);
  sqlite3_bind_text (insert, 2, name, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, insert, error))
    return 0;
  id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  json = gk_audit_json ("name", name, NULL);
  if (!gk_audit_append (db, "category", id, "add", NULL, json, error))
    return 0;
  return id;
}

static gboolean
insert_links (GkDatabase  *db,
              const char  *sql,
              gint64       item_id,
              GArray      *ids,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("Cannot link item %" PRId64 ": %s"),
                       item_id, sqlite3_errmsg (gk_database_get_handle (db)));
          return FALSE;
        }
    }
  return TRUE;
}

/* Keeps the search index in step with one item (its row is the item id). */
static gboolean
reindex_item (GkDatabase  *db,
              gint64       item_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  remove = gk_database_prepare (db, "DELETE FROM catalog_items_fts WHERE rowid = ?", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, item_id);
  if (!gk_database_step_done (db, remove, error))
    return FALSE;

  insert = gk_database_prepare (db,
                                "INSERT INTO catalog_items_fts (rowid, content, category, responsible, audiences)"
                                " SELECT i.id, i.content, c.name, "
                                ITEM_RESPONSIBLE_SQL ", " ITEM_AUDIENCES_SQL
                                " FROM catalog_items i JOIN categories c ON c.id = i.category_id WHERE i.id = ?",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, item_id);
  return gk_database_step_done (db, insert, error);
}

gint64
gk_catalog_add_item (GkDatabase  *db,
                     gint64       catalog_id,
                     gint64       category_id,
                     guint        number,
                     const char  *content,
                     GArray      *responsible,
                     GArray      *audiences,
                     const char  *cadence,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *json = NULL;
  gint64 id;

  g_return_val_if_fail (gk_database_in_write (db), 0);

  if (content == NULL || *content == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("Item %u has no content"), number);
      return 0;
    }
  if (!gk_cadence_validate (cadence, error))
    return 0;

  stmt = gk_database_prepare (db,
                              "INSERT INTO catalog_items (catalog_id, category_id, number, content, cadence)"
                              " VALUES (?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  sqlite3_bind_int (stmt, 3, (int) number);
  sqlite3_bind_text (stmt, 4, content, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cadence, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Cannot add item %u: %s"), number, sqlite3_errmsg (gk_database_get_handle (db)));
      return 0;
    }
  id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  if (!insert_links (db, "INSERT INTO item_responsible (item_id, organization_id, position) VALUES (?, ?, ?)",
                     id, responsible, error) ||
      !insert_links (db, "INSERT INTO item_audiences (item_id, audience_id, position) VALUES (?, ?, ?)",
                     id, audiences, error) ||
      !reindex_item (db, id, error))
    return 0;

  json = gk_audit_json ("number", number_text, "content", content, "cadence", cadence, NULL);
  if (!gk_audit_append (db, "catalog-item", id, "add", NULL, json, error))
    return 0;
  return id;
}

GListModel *
gk_catalog_list_items (GkDatabase  *db,
                       gint64       catalog_id,
                       GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (GK_TYPE_CATALOG_ITEM);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, ITEM_ROWS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, catalog_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GkCatalogItem) item =
        gk_catalog_item_new (sqlite3_column_int64 (stmt, COL_ID),
                             (guint) sqlite3_column_int (stmt, COL_NUMBER),
                             column_text (stmt, COL_CATEGORY),
                             (guint) sqlite3_column_int (stmt, COL_CATEGORY_POSITION),
                             column_text (stmt, COL_CONTENT),
                             column_text (stmt, COL_RESPONSIBLE),
                             column_text (stmt, COL_AUDIENCES),
                             column_text (stmt, COL_CADENCE),
                             sqlite3_column_int (stmt, COL_ACTIVE) != 0);

      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

char **
gk_catalog_list_categories (GkDatabase  *db,
                            gint64       catalog_id,
                            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, "SELECT name FROM categories WHERE catalog_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GHashTable *
gk_catalog_search (GkDatabase  *db,
                   gint64       catalog_id,
                   const char  *query,
                   GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *needle = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  needle = g_strstrip (g_strdup (query));

  if (needle[0] == '\0')
    {
      stmt = gk_database_prepare (db, "SELECT id FROM catalog_items WHERE catalog_id = ?1", error);
    }
  else if (gk_search_use_index (needle))
    {
      g_autofree char *phrase = gk_search_fts_phrase (needle);

      stmt = gk_database_prepare (db,
                                  "SELECT f.rowid FROM catalog_items_fts f"
                                  " JOIN catalog_items i ON i.id = f.rowid"
                                  " WHERE i.catalog_id = ?1 AND catalog_items_fts MATCH ?2",
                                  error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 2, phrase, -1, SQLITE_TRANSIENT);
    }
  else
    {
      /* Trigrams cannot match one or two characters: scan the same
       * columns the index holds, folding case as the trigram tokenizer does. */
      stmt = gk_database_prepare (db,
                                  "SELECT f.rowid FROM catalog_items_fts f"
                                  " JOIN catalog_items i ON i.id = f.rowid"
                                  " WHERE i.catalog_id = ?1 AND (instr (lower (f.content), lower (?2))"
                                  "   OR instr (lower (f.category), lower (?2))"
                                  "   OR instr (lower (f.responsible), lower (?2))"
                                  "   OR instr (lower (f.audiences), lower (?2)))",
                                  error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 2, needle, -1, SQLITE_TRANSIENT);
    }

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, catalog_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot search the catalog"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, with
 * its quotes doubled; records end with CRLF. */
static void
append_csv_field (GString    *out,
                  const char *field,
                  gboolean    last)
{
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, field);
    }
  g_string_append (out, last ? "\r\n" : ",");
}

char *
gk_catalog_export_csv (GkDatabase  *db,
                       gint64       catalog_id,
                       GError     **error)
{
  g_autoptr(GString) out = g_string_new ("no,category,content,responsible,audiences,cadence\r\n");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, ITEM_ROWS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, catalog_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *number = g_strdup_printf ("%d", sqlite3_column_int (stmt, COL_NUMBER));

      append_csv_field (out, number, FALSE);
      append_csv_field (out, column_text (stmt, COL_CATEGORY), FALSE);
      append_csv_field (out, column_text (stmt, COL_CONTENT), FALSE);
      append_csv_field (out, column_text (stmt, COL_RESPONSIBLE), FALSE);
      append_csv_field (out, column_text (stmt, COL_AUDIENCES), FALSE);
      append_csv_field (out, column_text (stmt, COL_CADENCE), TRUE);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
