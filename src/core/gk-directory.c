/* gk-directory.c: organizations, people, roles, audiences
 *
 * The add functions expect to run inside gk_database_write() and append
 * their audit event there; the find functions resolve what a user typed
 * (a name, a short name or an id) and say clearly when it matches nothing
 * or more than one record.
 */

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "core/gk-audit.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"

static const char * const org_kinds[] = {
  "committee", "standing-committee", "discipline", "department",
  "mass", "general-branch", "branch", NULL
};

static const char * const roles[] = {
  "staff", "principal", "secretary", "deputy-secretary", "committee-member",
  "leader", "party-office", "inspector", "admin", NULL
};

static const char * const audience_classes[] = {
  "public", "party-wide", "unit", "specific", "case-by-case", NULL
};

gboolean
gk_org_kind_is_valid (const char *kind)
{
  return kind != NULL && g_strv_contains (org_kinds, kind);
}

gboolean
gk_role_is_valid (const char *role)
{
  return role != NULL && g_strv_contains (roles, role);
}

const char * const *
gk_role_list (void)
{
  return roles;
}

const char *
gk_role_describe (const char *role)
{
  static const struct {
    const char *role;
    const char *label;
  } labels[] = {
    { "staff", N_("staff") },
    { "principal", N_("principal") },
    { "secretary", N_("secretary") },
    { "deputy-secretary", N_("deputy secretary") },
    { "committee-member", N_("committee member") },
    { "leader", N_("overseeing leader") },
    { "party-office", N_("party office") },
    { "inspector", N_("inspector") },
    { "admin", N_("administrator") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].role, role) == 0)
      return _(labels[i].label);
  return role;
}

gboolean
gk_audience_class_is_valid (const char *klass)
{
  return klass != NULL && g_strv_contains (audience_classes, klass);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

/* Runs SQL with one text parameter bound twice (?1) and returns the single
 * id it yields: 0 with NOT_FOUND or AMBIGUOUS otherwise. WHAT names the
 * kind of record for the message. */
static gint64
find_one (GkDatabase  *db,
          const char  *sql,
          const char  *text,
          const char  *what,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, error);
  gint64 found = 0;
  int n = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the database"));
      return 0;
    }
  if (n == 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("No %s is called “%s”"), what, text);
      return 0;
    }
  if (n > 1)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_AMBIGUOUS,
                   _("Several records of %s are called “%s”; give the id instead"), what, text);
      return 0;
    }
  return found;
}

static gboolean
exists (GkDatabase *db,
        const char *table,
        gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* An id typed as digits wins when such a row exists; otherwise the text is
 * taken as a name. */
static gint64
find_by_name_or_id (GkDatabase  *db,
                    const char  *table,
                    const char  *sql,
                    const char  *text,
                    const char  *what,
                    GError     **error)
{
  gint64 id;

  g_return_val_if_fail (text != NULL, 0);

  if (parse_id (text, &id) && exists (db, table, id))
    return id;
  return find_one (db, sql, text, what, error);
}

static gint64
insert_returning_id (GkDatabase    *db,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("“%s” already exists"), what);
      return 0;
    }
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Cannot add %s: %s"), what, sqlite3_errmsg (gk_database_get_handle (db)));
      return 0;
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot write to the database"));
      return 0;
    }
  return sqlite3_last_insert_rowid (gk_database_get_handle (db));
}

gint64
gk_directory_add_organization (GkDatabase  *db,
                               const char  *name,
                               const char  *short_name,
                               const char  *kind,
                               gint64       parent_id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *parent_text = NULL;
  gint64 id;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (gk_database_in_write (db), 0);

  if (is_blank (name))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("An organization needs a name"));
      return 0;
    }
  if (!gk_org_kind_is_valid (kind))
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **) org_kinds);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Unknown kind of organization “%s”; use one of %s"), kind ? kind : "", kinds);
      return 0;
    }

  stmt = gk_database_prepare (db,
                              "INSERT INTO organizations (name, short_name, kind, parent_id) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, short_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 4, parent_id);
  else
    sqlite3_bind_null (stmt, 4);

  id = insert_returning_id (db, stmt, name, error);
  if (id == 0)
    return 0;

  parent_text = parent_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, parent_id) : NULL;
  json = gk_audit_json ("name", name, "short_name", short_name, "kind", kind, "parent_id", parent_text, NULL);
  if (!gk_audit_append (db, "organization", id, "add", NULL, json, error))
    return 0;
  return id;
}

gint64
gk_directory_find_organization (GkDatabase  *db,
                                const char  *name_or_id,
                                GError     **error)
{
  return find_by_name_or_id (db, "organizations",
                             "SELECT id FROM organizations WHERE name = ?1 OR short_name = ?1",
                             name_or_id, _("organization"), error);
}

char *
gk_directory_get_organization_name (GkDatabase *db,
                                    gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db, "SELECT coalesce (short_name, name) FROM organizations WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gint64
gk_directory_add_person (GkDatabase  *db,
                         const char  *name,
                         const char  *title,
                         const char  *login,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  gint64 id;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (gk_database_in_write (db), 0);

  if (is_blank (name))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("A person needs a name"));
      return 0;
    }

  /* A taken login would otherwise be reported as the name already existing. */
  if (login != NULL)
    {
      g_autoptr(sqlite3_stmt) holder = gk_database_prepare (db, "SELECT name FROM people WHERE login = ?", error);

      if (holder == NULL)
        return 0;
      sqlite3_bind_text (holder, 1, login, -1, SQLITE_STATIC);
      if (sqlite3_step (holder) == SQLITE_ROW)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("The computer login “%s” is already %s’s"), login,
                       (const char *) sqlite3_column_text (holder, 0));
          return 0;
        }
    }

  stmt = gk_database_prepare (db, "INSERT INTO people (name, title, login) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, login, -1, SQLITE_STATIC);

  id = insert_returning_id (db, stmt, name, error);
  if (id == 0)
    return 0;

  json = gk_audit_json ("name", name, "title", title, "login", login, NULL);
  if (!gk_audit_append (db, "person", id, "add", NULL, json, error))
    return 0;
  return id;
}

gint64
gk_directory_find_person (GkDatabase  *db,
                          const char  *name_or_id,
                          GError     **error)
{
  return find_by_name_or_id (db, "people",
                             "SELECT id FROM people WHERE name = ?1 OR login = ?1",
                             name_or_id, _("person"), error);
}

gboolean
gk_directory_add_role (GkDatabase  *db,
                       gint64       person_id,
                       gint64       organization_id,
                       const char  *role,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *org_text = g_strdup_printf ("%" G_GINT64_FORMAT, organization_id);
  gint64 id;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (gk_database_in_write (db), FALSE);

  if (!gk_role_is_valid (role))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) roles);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Unknown role “%s”; use one of %s"), role ? role : "", names);
      return FALSE;
    }

  stmt = gk_database_prepare (db, "INSERT INTO roles (person_id, organization_id, role) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);

  id = insert_returning_id (db, stmt, role, error);
  if (id == 0)
    return FALSE;

  json = gk_audit_json ("role", role, "organization_id", org_text, NULL);
  return gk_audit_append (db, "person", person_id, "add-role", NULL, json, error);
}

gboolean
gk_directory_add_oversight (GkDatabase  *db,
                            gint64       person_id,
                            gint64       organization_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *org_text = g_strdup_printf ("%" G_GINT64_FORMAT, organization_id);

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (gk_database_in_write (db), FALSE);

  stmt = gk_database_prepare (db, "INSERT INTO oversight (person_id, organization_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  if (insert_returning_id (db, stmt, _("oversight"), error) == 0)
    return FALSE;

  json = gk_audit_json ("organization_id", org_text, NULL);
  return gk_audit_append (db, "person", person_id, "add-oversight", NULL, json, error);
}

/* ---- changes from the desktop, by party office or an administrator ---- */

gboolean
gk_directory_has_role (GkDatabase *db,
                       gint64      person_id,
                       gint64      organization_id,
                       const char *role)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  stmt = gk_database_prepare (db,
                              "SELECT 1 FROM roles r JOIN people p ON p.id = r.person_id"
                              " WHERE r.person_id = ?1 AND p.active"
                              " AND (?2 = 0 OR r.organization_id = ?2) AND (?3 IS NULL OR r.role = ?3)",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
gk_directory_may_manage_people (GkDatabase *db,
                                gint64      actor_id)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  return actor_id > 0 &&
         (gk_directory_has_role (db, actor_id, 0, "party-office") ||
          gk_directory_has_role (db, actor_id, 0, "admin"));
}

static gboolean
require_manager (GkDatabase  *db,
                 gint64       actor_id,
                 GError     **error)
{
  if (gk_directory_may_manage_people (db, actor_id))
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("Only party office or an administrator may change people, roles and oversight"));
  return FALSE;
}

/* Whether any active person holds party office or administrator: someone
 * who can manage people from the desktop. */
static gboolean
find_manager (GkDatabase  *db,
              gboolean    *found,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT 1 FROM roles r JOIN people p ON p.id = r.person_id"
                         " WHERE p.active AND r.role IN ('party-office', 'admin') LIMIT 1",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the roles"));
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
gk_directory_has_manager (GkDatabase *db)
{
  gboolean found = FALSE;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  /* On an error, say there is one: it only hides the first-run offer. */
  return !find_manager (db, &found, NULL) || found;
}

/* After a removal: someone must still be able to manage people, or no one
 * could ever give the role again from the desktop. */
static gboolean
require_a_manager_left (GkDatabase  *db,
                        GError     **error)
{
  gboolean found = FALSE;

  if (!find_manager (db, &found, error))
    return FALSE;
  if (found)
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("This is the last role of party office or administrator; give it to someone else first"));
  return FALSE;
}

typedef struct
{
  gint64      actor_id;
  gint64      person_id;
  gint64      organization_id;
  const char *name;
  const char *title;
  const char *login;
  const char *role;
  gint64      new_id;
} Change;

/* An empty login is no login (the column is unique); an empty title, none. */
static void
change_drop_blanks (Change *change)
{
  if (is_blank (change->login))
    change->login = NULL;
  if (is_blank (change->title))
    change->title = NULL;
}

static gboolean
write_add_person (GkDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  Change *change = user_data;

  if (!require_manager (db, change->actor_id, error))
    return FALSE;
  change->new_id = gk_directory_add_person (db, change->name, change->title, change->login, error);
  return change->new_id > 0;
}

gint64
gk_directory_manage_add_person (GkDatabase  *db,
                                gint64       actor_id,
                                const char  *name,
                                const char  *title,
                                const char  *login,
                                GError     **error)
{
  Change change = { .actor_id = actor_id, .name = name, .title = title, .login = login };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  change_drop_blanks (&change);
  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, write_add_person, &change, error))
    return 0;
  return change.new_id;
}

static gboolean
write_add_first_manager (GkDatabase  *db,
                         gpointer     user_data,
                         GError     **error)
{
  Change *change = user_data;
  gboolean found = FALSE;

  if (!find_manager (db, &found, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Someone already manages people in this database: ask party office to add you"));
      return FALSE;
    }

  /* The person is added by no one: there was no one yet. */
  gk_database_set_actor (db, 0);
  change->new_id = gk_directory_add_person (db, change->name, change->title, change->login, error);
  if (change->new_id <= 0)
    return FALSE;
  gk_database_set_actor (db, change->new_id);
  return gk_directory_add_role (db, change->new_id, change->organization_id, "party-office", error);
}

gint64
gk_directory_add_first_manager (GkDatabase  *db,
                                const char  *name,
                                const char  *title,
                                const char  *login,
                                gint64       organization_id,
                                GError     **error)
{
  Change change = { .name = name, .title = title, .login = login, .organization_id = organization_id };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  change_drop_blanks (&change);
  if (!gk_database_write (db, write_add_first_manager, &change, error))
    return 0;
  return change.new_id;
}

static gboolean
write_add_role (GkDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  Change *change = user_data;

  return require_manager (db, change->actor_id, error) &&
         gk_directory_add_role (db, change->person_id, change->organization_id, change->role, error);
}

gboolean
gk_directory_manage_add_role (GkDatabase  *db,
                              gint64       actor_id,
                              gint64       person_id,
                              gint64       organization_id,
                              const char  *role,
                              GError     **error)
{
  Change change = { .actor_id = actor_id, .person_id = person_id,
                    .organization_id = organization_id, .role = role };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, write_add_role, &change, error);
}

static gboolean
write_add_oversight (GkDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  Change *change = user_data;

  return require_manager (db, change->actor_id, error) &&
         gk_directory_add_oversight (db, change->person_id, change->organization_id, error);
}

gboolean
gk_directory_manage_add_oversight (GkDatabase  *db,
                                   gint64       actor_id,
                                   gint64       person_id,
                                   gint64       organization_id,
                                   GError     **error)
{
  Change change = { .actor_id = actor_id, .person_id = person_id, .organization_id = organization_id };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, write_add_oversight, &change, error);
}

/* Deletes the grant CHANGE names with SQL (?1 the person, ?2 the
 * organization, ?3 the role when it has one) and audits it as ACTION;
 * NOT_FOUND saying MISSING when there was no such grant. */
static gboolean
remove_grant (GkDatabase    *db,
              const Change  *change,
              const char    *sql,
              const char    *missing,
              const char    *action,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *org_text = g_strdup_printf ("%" G_GINT64_FORMAT, change->organization_id);
  g_autofree char *json = NULL;

  if (!require_manager (db, change->actor_id, error))
    return FALSE;

  stmt = gk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->person_id);
  sqlite3_bind_int64 (stmt, 2, change->organization_id);
  if (change->role != NULL)
    sqlite3_bind_text (stmt, 3, change->role, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot write to the database"));
      return FALSE;
    }
  if (sqlite3_changes (gk_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, missing);
      return FALSE;
    }

  json = change->role != NULL
         ? gk_audit_json ("role", change->role, "organization_id", org_text, NULL)
         : gk_audit_json ("organization_id", org_text, NULL);
  return gk_audit_append (db, "person", change->person_id, action, json, NULL, error);
}

static gboolean
write_remove_role (GkDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  Change *change = user_data;
  g_autofree char *missing = g_strdup_printf (_("The person does not hold the role “%s” in that organization"),
                                              gk_role_describe (change->role));

  /* A refusal by require_a_manager_left() rolls the removal and its audit
   * event back together. */
  return remove_grant (db, change, "DELETE FROM roles WHERE person_id = ?1 AND organization_id = ?2 AND role = ?3",
                       missing, "remove-role", error) &&
         require_a_manager_left (db, error);
}

gboolean
gk_directory_remove_role (GkDatabase  *db,
                          gint64       actor_id,
                          gint64       person_id,
                          gint64       organization_id,
                          const char  *role,
                          GError     **error)
{
  Change change = { .actor_id = actor_id, .person_id = person_id,
                    .organization_id = organization_id, .role = role };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, write_remove_role, &change, error);
}

static gboolean
write_remove_oversight (GkDatabase  *db,
                        gpointer     user_data,
                        GError     **error)
{
  return remove_grant (db, user_data, "DELETE FROM oversight WHERE person_id = ?1 AND organization_id = ?2",
                       _("The person does not oversee that organization"), "remove-oversight", error);
}

gboolean
gk_directory_remove_oversight (GkDatabase  *db,
                               gint64       actor_id,
                               gint64       person_id,
                               gint64       organization_id,
                               GError     **error)
{
  Change change = { .actor_id = actor_id, .person_id = person_id, .organization_id = organization_id };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, write_remove_oversight, &change, error);
}

GPtrArray *
gk_directory_list_roles (GkDatabase  *db,
                         gint64       person_id,
                         GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return gk_choices_query (db,
                           "SELECT o.id, coalesce (o.short_name, o.name), r.role"
                           " FROM roles r JOIN organizations o ON o.id = r.organization_id"
                           " WHERE r.person_id = ? ORDER BY o.id, r.id",
                           person_id, error);
}

GPtrArray *
gk_directory_list_oversight (GkDatabase  *db,
                             gint64       person_id,
                             GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return gk_choices_query (db,
                           "SELECT o.id, coalesce (o.short_name, o.name), o.name"
                           " FROM oversight v JOIN organizations o ON o.id = v.organization_id"
                           " WHERE v.person_id = ? ORDER BY o.id",
                           person_id, error);
}

gint64
gk_directory_add_audience (GkDatabase  *db,
                           const char  *name,
                           const char  *klass,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  gint64 id;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (gk_database_in_write (db), 0);

  if (!gk_audience_class_is_valid (klass))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) audience_classes);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Unknown audience class “%s”; use one of %s"), klass ? klass : "", names);
      return 0;
    }

  stmt = gk_database_prepare (db, "INSERT INTO audiences (name, class) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, klass, -1, SQLITE_STATIC);

  id = insert_returning_id (db, stmt, name, error);
  if (id == 0)
    return 0;

  json = gk_audit_json ("name", name, "class", klass, NULL);
  if (!gk_audit_append (db, "audience", id, "add", NULL, json, error))
    return 0;
  return id;
}

gint64
gk_directory_find_audience (GkDatabase  *db,
                            const char  *name_or_id,
                            GError     **error)
{
  return find_by_name_or_id (db, "audiences",
                             "SELECT id FROM audiences WHERE name = ?1",
                             name_or_id, _("audience"), error);
}

gint64
gk_directory_find_method (GkDatabase  *db,
                          const char  *name_or_id,
                          GError     **error)
{
  return find_by_name_or_id (db, "methods",
                             "SELECT id FROM methods WHERE name = ?1",
                             name_or_id, _("method"), error);
}
