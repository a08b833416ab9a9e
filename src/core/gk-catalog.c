/* gk-catalog.c: disclosure catalogs (公开目录), their items and search */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "core/gk-choices.h"
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

#define ITEM_SELECT_SQL \
  "SELECT i.id, i.number, c.name, c.position, i.content, " \
  ITEM_RESPONSIBLE_SQL ", " ITEM_AUDIENCES_SQL ", i.cadence, i.active" \
  " FROM catalog_items i JOIN categories c ON c.id = i.category_id"
#define ITEM_ROWS_SQL \
  ITEM_SELECT_SQL " WHERE i.catalog_id = ? ORDER BY c.position, i.number"
/* The catalog as published and filed: retired items are history, not part of it. */
#define ITEM_EXPORT_SQL \
  ITEM_SELECT_SQL " WHERE i.catalog_id = ? AND i.active ORDER BY c.position, i.number"

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

static GkCatalogItem *
item_from_row (sqlite3_stmt *stmt)
{
  return gk_catalog_item_new (sqlite3_column_int64 (stmt, COL_ID),
                              (guint) sqlite3_column_int (stmt, COL_NUMBER),
                              column_text (stmt, COL_CATEGORY),
                              (guint) sqlite3_column_int (stmt, COL_CATEGORY_POSITION),
                              column_text (stmt, COL_CONTENT),
                              column_text (stmt, COL_RESPONSIBLE),
                              column_text (stmt, COL_AUDIENCES),
                              column_text (stmt, COL_CADENCE),
                              sqlite3_column_int (stmt, COL_ACTIVE) != 0);
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

/* Appends a category; REASON (may be NULL) goes to its audit event. */
static gint64
insert_category (GkDatabase  *db,
                 gint64       catalog_id,
                 const char  *name,
                 const char  *reason,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *json = NULL;
  gint64 id;

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

  json = reason != NULL ? gk_audit_json ("name", name, "reason", reason, NULL) : gk_audit_json ("name", name, NULL);
  if (!gk_audit_append (db, "category", id, "add", NULL, json, error))
    return 0;
  return id;
}

static gint64
find_category (GkDatabase  *db,
               gint64       catalog_id,
               const char  *name,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;

  find = gk_database_prepare (db, "SELECT id FROM categories WHERE catalog_id = ? AND name = ?", error);
  if (find == NULL)
    return -1;
  sqlite3_bind_int64 (find, 1, catalog_id);
  sqlite3_bind_text (find, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);
  return 0;
}

gint64
gk_catalog_ensure_category (GkDatabase  *db,
                            gint64       catalog_id,
                            const char  *name,
                            GError     **error)
{
  gint64 id;

  g_return_val_if_fail (gk_database_in_write (db), 0);

  id = find_category (db, catalog_id, name, error);
  if (id != 0)
    return MAX (id, 0);
  return insert_category (db, catalog_id, name, NULL, error);
}

gint64
gk_catalog_add_category (GkDatabase  *db,
                         gint64       catalog_id,
                         const char  *name,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (gk_database_in_write (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("A category needs a name"));
      return 0;
    }
  id = find_category (db, catalog_id, trimmed, error);
  if (id < 0)
    return 0;
  if (id > 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The catalog already has a category “%s”"), trimmed);
      return 0;
    }
  return insert_category (db, catalog_id, trimmed, reason, error);
}

gint64
gk_catalog_find_category (GkDatabase  *db,
                          gint64       catalog_id,
                          const char  *name,
                          GError     **error)
{
  gint64 id;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  id = find_category (db, catalog_id, name, error);
  if (id == 0)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                 _("The catalog has no category “%s”"), name);
  return MAX (id, 0);
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

gboolean
gk_catalog_reindex_item (GkDatabase  *db,
                         gint64       item_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  g_return_val_if_fail (gk_database_in_write (db), FALSE);

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

  if (!gk_catalog_replace_links (db, id, responsible, audiences, error))
    return 0;

  json = gk_audit_json ("number", number_text, "content", content, "cadence", cadence, NULL);
  if (!gk_audit_append (db, "catalog-item", id, "add", NULL, json, error))
    return 0;
  return id;
}

gboolean
gk_catalog_replace_links (GkDatabase  *db,
                          gint64       item_id,
                          GArray      *responsible,
                          GArray      *audiences,
                          GError     **error)
{
  static const struct {
    const char *remove;
    const char *insert;
  } tables[] = {
    { "DELETE FROM item_responsible WHERE item_id = ?",
      "INSERT INTO item_responsible (item_id, organization_id, position) VALUES (?, ?, ?)" },
    { "DELETE FROM item_audiences WHERE item_id = ?",
      "INSERT INTO item_audiences (item_id, audience_id, position) VALUES (?, ?, ?)" },
  };
  GArray *ids[] = { responsible, audiences };

  g_return_val_if_fail (gk_database_in_write (db), FALSE);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(sqlite3_stmt) remove = NULL;

      if (ids[t] == NULL)
        continue;
      remove = gk_database_prepare (db, tables[t].remove, error);
      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int64 (remove, 1, item_id);
      if (!gk_database_step_done (db, remove, error) ||
          !insert_links (db, tables[t].insert, item_id, ids[t], error))
        return FALSE;
    }
  return gk_catalog_reindex_item (db, item_id, error);
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
      g_autoptr(GkCatalogItem) item = item_from_row (stmt);

      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GkCatalogItem *
gk_catalog_get_item (GkDatabase  *db,
                     gint64       item_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, ITEM_SELECT_SQL " WHERE i.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("Catalog item %" PRId64 " does not exist"), item_id);
      return NULL;
    }
  return item_from_row (stmt);
}

gint64
gk_catalog_find_item (GkDatabase  *db,
                      gint64       catalog_id,
                      guint        number,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  stmt = gk_database_prepare (db, "SELECT id FROM catalog_items WHERE catalog_id = ? AND number = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  sqlite3_bind_int64 (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("The catalog has no item %u"), number);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* One integer from SQL with one id parameter; MISSING names what is not there. */
static gint64
query_id (GkDatabase  *db,
          const char  *sql,
          gint64       id,
          const char  *missing,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, missing);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gint64
gk_catalog_get_item_row_version (GkDatabase  *db,
                                 gint64       item_id,
                                 GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  return query_id (db, "SELECT row_version FROM catalog_items WHERE id = ?", item_id,
                   _("The catalog item does not exist"), error);
}

gint64
gk_catalog_get_organization (GkDatabase  *db,
                             gint64       catalog_id,
                             GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  return query_id (db, "SELECT organization_id FROM catalogs WHERE id = ?", catalog_id,
                   _("The catalog does not exist"), error);
}

gint64
gk_catalog_last_revision (GkDatabase  *db,
                          gint64       catalog_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), -1);

  stmt = gk_database_prepare (db,
                              "SELECT coalesce (max (r.id), 0) FROM item_revisions r"
                              " JOIN catalog_items i ON i.id = r.item_id WHERE i.catalog_id = ?",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
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

  stmt = gk_database_prepare (db, ITEM_EXPORT_SQL, error);
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

void
gk_catalog_owner_free (GkCatalogOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->name);
  g_free (owner->short_name);
  g_free (owner->kind);
  g_free (owner);
}

GPtrArray *
gk_catalog_list_owners (GkDatabase  *db,
                        GError     **error)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_catalog_owner_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT o.id, o.name, coalesce (o.short_name, o.name), o.kind,"
                              "       coalesce (c.id, 0)"
                              " FROM organizations o LEFT JOIN catalogs c ON c.organization_id = o.id"
                              " WHERE c.id IS NOT NULL"
                              "    OR (o.active AND o.kind IN ('committee', 'discipline', 'general-branch'))"
                              " ORDER BY o.kind <> 'committee', o.kind <> 'discipline', o.id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkCatalogOwner *owner = g_new0 (GkCatalogOwner, 1);

      owner->organization_id = sqlite3_column_int64 (stmt, 0);
      owner->name = g_strdup (column_text (stmt, 1));
      owner->short_name = g_strdup (column_text (stmt, 2));
      owner->kind = g_strdup (column_text (stmt, 3));
      owner->catalog_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (owners, owner);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the organizations"));
      return NULL;
    }
  return g_steal_pointer (&owners);
}

GPtrArray *
gk_catalog_list_organizations (GkDatabase  *db,
                               GError     **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_choice_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT id, coalesce (short_name, name), name FROM organizations"
                              " WHERE active ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkChoice *choice = g_new0 (GkChoice, 1);

      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->name = g_strdup (column_text (stmt, 1));
      choice->detail = g_strdup (column_text (stmt, 2));
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the organizations"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}

GArray *
gk_catalog_get_item_responsible (GkDatabase  *db,
                                 gint64       item_id,
                                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT organization_id FROM item_responsible WHERE item_id = ?"
                              " ORDER BY position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
