/* gk-catalog-edit.c: adding, changing, retiring items with their revisions
 *
 * A change is applied, then the item is read back and compared with what
 * it was: every field that differs gets its revision row and audit event.
 * Comparing the item as displayed (names joined with 、) rather than the
 * request means a revision always shows what a reader saw before and after.
 */

#include <glib/gi18n-lib.h>

#include "core/gk-audit.h"
#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-checklist.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"

enum {
  FIELD_NUMBER,
  FIELD_CATEGORY,
  FIELD_CONTENT,
  FIELD_RESPONSIBLE,
  FIELD_AUDIENCES,
  FIELD_CADENCE,
  FIELD_STATE,
  N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "number", "category", "content", "responsible", "audiences", "cadence", "state",
};

void
gk_catalog_revision_free (GkCatalogRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->at);
  g_free (revision->person);
  g_free (revision->reason);
  g_free (revision->field);
  g_free (revision->old_value);
  g_free (revision->new_value);
  g_free (revision);
}

/* The fields of an item as revisions record them, in field_names order. */
static GStrv
item_fields (GkCatalogItem *item)
{
  GStrv fields = g_new0 (char *, N_FIELDS + 1);

  fields[FIELD_NUMBER] = g_strdup_printf ("%u", gk_catalog_item_get_number (item));
  fields[FIELD_CATEGORY] = g_strdup (gk_catalog_item_get_category (item));
  fields[FIELD_CONTENT] = g_strdup (gk_catalog_item_get_content (item));
  fields[FIELD_RESPONSIBLE] = g_strdup (gk_catalog_item_get_responsible (item));
  fields[FIELD_AUDIENCES] = g_strdup (gk_catalog_item_get_audiences (item));
  fields[FIELD_CADENCE] = g_strdup (gk_catalog_item_get_cadence (item));
  fields[FIELD_STATE] = g_strdup (gk_catalog_item_get_active (item) ? "active" : "retired");
  return fields;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
check_reason (const char  *reason,
              GError     **error)
{
  if (reason == NULL || is_blank (reason))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Every change of a catalog needs a reason"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_ids (GArray      *ids,
           const char  *empty_message,
           GError     **error)
{
  if (ids->len == 0)
    {
      g_set_error_literal (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, empty_message);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++)
      if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, j))
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("The same organization or audience is given twice"));
          return FALSE;
        }
  return TRUE;
}

/* Number NUMBER must not belong to another item of the catalog, retired or
 * not (numbers stay unique so that history and notices keep their meaning). */
static gboolean
check_number_free (GkDatabase  *db,
                   gint64       catalog_id,
                   gint64       item_id,
                   guint        number,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (number > G_MAXINT)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("%u is not a valid item number"), number);
      return FALSE;
    }
  stmt = gk_database_prepare (db, "SELECT active FROM catalog_items WHERE catalog_id = ? AND number = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 0))
        g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                     _("Number %u is already taken by another item"), number);
      else
        g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                     _("Number %u belongs to a retired item; reactivate that one or choose another number"), number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_category (GkDatabase  *db,
                gint64       catalog_id,
                gint64       category_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT 1 FROM categories WHERE id = ? AND catalog_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_int64 (stmt, 2, catalog_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("The category is not one of this catalog's"));
      return FALSE;
    }
  return TRUE;
}

/* The fields CHANGE sets must each be valid; ITEM_ID is 0 for a new item. */
static gboolean
check_change (GkDatabase             *db,
              gint64                  catalog_id,
              gint64                  item_id,
              const GkCatalogChange  *change,
              GError                **error)
{
  if (change->content != NULL && is_blank (change->content))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("An item needs content"));
      return FALSE;
    }
  return (change->cadence == NULL || gk_cadence_validate (change->cadence, error)) &&
         (change->responsible == NULL ||
          check_ids (change->responsible, _("An item needs at least one responsible organization"), error)) &&
         (change->audiences == NULL ||
          check_ids (change->audiences, _("An item needs at least one audience"), error)) &&
         (change->number == 0 || check_number_free (db, catalog_id, item_id, change->number, error)) &&
         (change->category_id == 0 || check_category (db, catalog_id, change->category_id, error));
}

static gboolean
add_revision (GkDatabase  *db,
              gint64       item_id,
              const char  *field,
              const char  *old_value,
              const char  *new_value,
              const char  *reason,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = gk_database_timestamp (db);
  gint64 person_id = gk_database_get_actor (db);

  stmt = gk_database_prepare (db,
                              "INSERT INTO item_revisions (item_id, at, person_id, reason, field, old_value, new_value)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  if (person_id > 0)
    sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_STATIC);
  return gk_database_step_done (db, stmt, error);
}

gint64
gk_catalog_insert_item (GkDatabase             *db,
                        gint64                  catalog_id,
                        const GkCatalogChange  *item,
                        const char             *reason,
                        GError                **error)
{
  g_autoptr(GkCatalogItem) added = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 id;

  g_return_val_if_fail (gk_database_in_write (db), 0);
  g_return_val_if_fail (item != NULL, 0);

  if (!check_reason (reason, error))
    return 0;
  if (item->number == 0 || item->category_id == 0 || item->content == NULL ||
      item->responsible == NULL || item->audiences == NULL || item->cadence == NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("A new item needs a number, a category, content, responsible organizations, audiences and a cadence"));
      return 0;
    }
  if (!check_change (db, catalog_id, 0, item, error))
    return 0;

  id = gk_catalog_add_item (db, catalog_id, item->category_id, item->number, item->content,
                            item->responsible, item->audiences, item->cadence, error);
  if (id == 0 || (added = gk_catalog_get_item (db, id, error)) == NULL)
    return 0;

  /* The add itself is one audit event (gk_catalog_add_item); the history
   * shows every field it started with. */
  fields = item_fields (added);
  for (guint f = 0; f < N_FIELDS; f++)
    if (!add_revision (db, id, field_names[f], NULL, fields[f], reason, error))
      return 0;
  return id;
}

gboolean
gk_catalog_revise_item (GkDatabase             *db,
                        gint64                  item_id,
                        const GkCatalogChange  *change,
                        const char             *reason,
                        GError                **error)
{
  g_autoptr(GkCatalogItem) before = NULL;
  g_autoptr(GkCatalogItem) after = NULL;
  g_autoptr(sqlite3_stmt) owner = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_auto(GStrv) old_fields = NULL;
  g_auto(GStrv) new_fields = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (gk_database_in_write (db), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!check_reason (reason, error) ||
      (before = gk_catalog_get_item (db, item_id, error)) == NULL)
    return FALSE;

  if (change->state == GK_CATALOG_STATE_RETIRE && !gk_catalog_item_get_active (before))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Item %u is already retired"), gk_catalog_item_get_number (before));
      return FALSE;
    }
  if (change->state == GK_CATALOG_STATE_REACTIVATE && gk_catalog_item_get_active (before))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Item %u is active, not retired"), gk_catalog_item_get_number (before));
      return FALSE;
    }

  owner = gk_database_prepare (db, "SELECT catalog_id FROM catalog_items WHERE id = ?", error);
  if (owner == NULL)
    return FALSE;
  sqlite3_bind_int64 (owner, 1, item_id);
  if (sqlite3_step (owner) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return FALSE;
    }
  if (!check_change (db, sqlite3_column_int64 (owner, 0), item_id, change, error))
    return FALSE;

  /* Unbound parameters are NULL: coalesce keeps what is not changing. */
  update = gk_database_prepare (db,
                                "UPDATE catalog_items SET number = coalesce (?1, number),"
                                " category_id = coalesce (?2, category_id), content = coalesce (?3, content),"
                                " cadence = coalesce (?4, cadence), active = coalesce (?5, active),"
                                " row_version = row_version + 1 WHERE id = ?6",
                                error);
  if (update == NULL)
    return FALSE;
  if (change->number != 0)
    sqlite3_bind_int64 (update, 1, change->number);
  if (change->category_id != 0)
    sqlite3_bind_int64 (update, 2, change->category_id);
  sqlite3_bind_text (update, 3, change->content, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 4, change->cadence, -1, SQLITE_STATIC);
  if (change->state != GK_CATALOG_STATE_KEEP)
    sqlite3_bind_int (update, 5, change->state == GK_CATALOG_STATE_REACTIVATE);
  sqlite3_bind_int64 (update, 6, item_id);
  if (!gk_database_step_done (db, update, error) ||
      !gk_catalog_replace_links (db, item_id, change->responsible, change->audiences, error) ||
      (after = gk_catalog_get_item (db, item_id, error)) == NULL)
    return FALSE;

  old_fields = item_fields (before);
  new_fields = item_fields (after);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *old_json = NULL;
      g_autofree char *new_json = NULL;
      const char *action = "edit";

      if (g_str_equal (old_fields[f], new_fields[f]))
        continue;
      n_changed++;
      if (f == FIELD_STATE)
        action = gk_catalog_item_get_active (after) ? "reactivate" : "retire";
      old_json = gk_audit_json (field_names[f], old_fields[f], NULL);
      new_json = gk_audit_json (field_names[f], new_fields[f], "reason", reason, NULL);
      if (!add_revision (db, item_id, field_names[f], old_fields[f], new_fields[f], reason, error) ||
          !gk_audit_append (db, "catalog-item", item_id, action, old_json, new_json, error))
        return FALSE;
    }

  if (n_changed == 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Nothing to change in item %u"), gk_catalog_item_get_number (before));
      return FALSE;
    }
  return TRUE;
}

/* ---- who may change a catalog ---- */

static gboolean
has_role (GkDatabase *db,
          const char *sql,
          gint64      person_id,
          gint64      organization_id)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
may_edit_organization (GkDatabase  *db,
                       gint64       organization_id,
                       gint64       person_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean committee;

  if (person_id <= 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("A change of a catalog must say who makes it"));
      return FALSE;
    }
  if (has_role (db, "SELECT 1 FROM roles WHERE person_id = ?1 AND role = 'party-office' AND ?2 > 0",
                person_id, organization_id))
    return TRUE;

  stmt = gk_database_prepare (db, "SELECT kind = 'committee' FROM organizations WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  committee = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);

  if (!committee &&
      has_role (db, "SELECT 1 FROM roles WHERE person_id = ?1 AND organization_id = ?2"
                    " AND role IN ('secretary', 'deputy-secretary')",
                person_id, organization_id))
    return TRUE;

  if (committee)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only party office may change the school committee's catalog"));
    }
  else
    {
      g_autofree char *name = gk_directory_get_organization_name (db, organization_id);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only party office or the secretary of %s may change its catalog"), name ? name : "?");
    }
  return FALSE;
}

gboolean
gk_catalog_may_edit (GkDatabase  *db,
                     gint64       catalog_id,
                     gint64       person_id,
                     GError     **error)
{
  gint64 organization_id;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  organization_id = gk_catalog_get_organization (db, catalog_id, error);
  return organization_id != 0 && may_edit_organization (db, organization_id, person_id, error);
}

/* ---- the public changes, one transaction each ---- */

typedef struct
{
  gint64                  actor_id;
  gint64                  catalog_id;
  gint64                  item_id;
  gint64                  organization_id;
  gint64                  expected_row_version;
  const GkCatalogChange  *change;
  const char             *name;
  const char             *reason;
  gint64                  result;
} Edit;

static gboolean
add_item_in_write (GkDatabase *db,
                   gpointer    user_data,
                   GError    **error)
{
  Edit *edit = user_data;

  if (!gk_catalog_may_edit (db, edit->catalog_id, edit->actor_id, error))
    return FALSE;
  edit->result = gk_catalog_insert_item (db, edit->catalog_id, edit->change, edit->reason, error);
  return edit->result != 0;
}

gint64
gk_catalog_edit_add_item (GkDatabase             *db,
                          gint64                  actor_id,
                          gint64                  catalog_id,
                          const GkCatalogChange  *item,
                          const char             *reason,
                          GError                **error)
{
  Edit edit = { .actor_id = actor_id, .catalog_id = catalog_id, .change = item, .reason = reason };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (item != NULL, 0);

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, add_item_in_write, &edit, error))
    return 0;
  return edit.result;
}

/* A row-version miss: names the last revision's author and time. */
static void
set_conflict (GkDatabase  *db,
              gint64       item_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GkCatalogItem) item = gk_catalog_get_item (db, item_id, NULL);
  guint number = item ? gk_catalog_item_get_number (item) : 0;

  stmt = gk_database_prepare (db,
                              "SELECT coalesce (p.name, ''), r.at FROM item_revisions r"
                              " LEFT JOIN people p ON p.id = r.person_id"
                              " WHERE r.item_id = ? ORDER BY r.id DESC LIMIT 1",
                              NULL);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, item_id);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) > 0)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
                 _("Item %u was changed by %s at %s; reload it and try again"),
                 number, sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  else
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
                 _("Item %u was changed by someone else; reload it and try again"), number);
}

static gboolean
edit_item_in_write (GkDatabase *db,
                    gpointer    user_data,
                    GError    **error)
{
  Edit *edit = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gk_database_prepare (db, "SELECT catalog_id, row_version FROM catalog_items WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->item_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("The catalog item does not exist"));
      return FALSE;
    }
  if (!gk_catalog_may_edit (db, sqlite3_column_int64 (stmt, 0), edit->actor_id, error))
    return FALSE;
  if (edit->expected_row_version != 0 && sqlite3_column_int64 (stmt, 1) != edit->expected_row_version)
    {
      set_conflict (db, edit->item_id, error);
      return FALSE;
    }
  return gk_catalog_revise_item (db, edit->item_id, edit->change, edit->reason, error);
}

gboolean
gk_catalog_edit_item (GkDatabase             *db,
                      gint64                  actor_id,
                      gint64                  item_id,
                      gint64                  expected_row_version,
                      const GkCatalogChange  *change,
                      const char             *reason,
                      GError                **error)
{
  Edit edit = {
    .actor_id = actor_id,
    .item_id = item_id,
    .expected_row_version = expected_row_version,
    .change = change,
    .reason = reason,
  };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, edit_item_in_write, &edit, error);
}

gboolean
gk_catalog_edit_retire (GkDatabase  *db,
                        gint64       actor_id,
                        gint64       item_id,
                        gint64       expected_row_version,
                        const char  *reason,
                        GError     **error)
{
  GkCatalogChange change = { .state = GK_CATALOG_STATE_RETIRE };

  return gk_catalog_edit_item (db, actor_id, item_id, expected_row_version, &change, reason, error);
}

gboolean
gk_catalog_edit_reactivate (GkDatabase  *db,
                            gint64       actor_id,
                            gint64       item_id,
                            gint64       expected_row_version,
                            const char  *reason,
                            GError     **error)
{
  GkCatalogChange change = { .state = GK_CATALOG_STATE_REACTIVATE };

  return gk_catalog_edit_item (db, actor_id, item_id, expected_row_version, &change, reason, error);
}

static gboolean
add_category_in_write (GkDatabase *db,
                       gpointer    user_data,
                       GError    **error)
{
  Edit *edit = user_data;

  if (!check_reason (edit->reason, error) ||
      !gk_catalog_may_edit (db, edit->catalog_id, edit->actor_id, error))
    return FALSE;
  edit->result = gk_catalog_add_category (db, edit->catalog_id, edit->name, edit->reason, error);
  return edit->result != 0;
}

gint64
gk_catalog_edit_add_category (GkDatabase  *db,
                              gint64       actor_id,
                              gint64       catalog_id,
                              const char  *name,
                              const char  *reason,
                              GError     **error)
{
  Edit edit = { .actor_id = actor_id, .catalog_id = catalog_id, .name = name, .reason = reason };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, add_category_in_write, &edit, error))
    return 0;
  return edit.result;
}

static gboolean
create_catalog_in_write (GkDatabase *db,
                         gpointer    user_data,
                         GError    **error)
{
  Edit *edit = user_data;
  g_autoptr(GError) local_error = NULL;

  if (!may_edit_organization (db, edit->organization_id, edit->actor_id, error))
    return FALSE;
  if (gk_catalog_get_for_organization (db, edit->organization_id, &local_error) != 0)
    {
      g_autofree char *name = gk_directory_get_organization_name (db, edit->organization_id);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("%s already has a disclosure catalog"), name ? name : "?");
      return FALSE;
    }

  edit->result = gk_catalog_create (db, edit->organization_id, error);
  return edit->result != 0 && gk_catalog_checklist_seed (db, edit->result, error);
}

gint64
gk_catalog_edit_create_catalog (GkDatabase  *db,
                                gint64       actor_id,
                                gint64       organization_id,
                                GError     **error)
{
  Edit edit = { .actor_id = actor_id, .organization_id = organization_id };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, create_catalog_in_write, &edit, error))
    return 0;
  return edit.result;
}

GPtrArray *
gk_catalog_history (GkDatabase  *db,
                    gint64       item_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_catalog_revision_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT r.id, r.item_id, r.at, coalesce (r.person_id, 0), coalesce (p.name, ''),"
                              "       r.reason, r.field, r.old_value, r.new_value"
                              " FROM item_revisions r LEFT JOIN people p ON p.id = r.person_id"
                              " WHERE r.item_id = ? ORDER BY r.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkCatalogRevision *revision = g_new0 (GkCatalogRevision, 1);

      revision->id = sqlite3_column_int64 (stmt, 0);
      revision->item_id = sqlite3_column_int64 (stmt, 1);
      revision->at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      revision->person_id = sqlite3_column_int64 (stmt, 3);
      revision->person = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      revision->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      revision->field = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      revision->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      revision->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (revisions, revision);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the history of the item"));
      return NULL;
    }
  return g_steal_pointer (&revisions);
}
