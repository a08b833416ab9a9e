/* gk-database.c: the one SQLite file, opened the way a shared file must be
 *
 * Rollback journal only (WAL does not work on network filesystems),
 * synchronous=FULL, foreign keys, a busy timeout, and every write
 * transaction begun with BEGIN IMMEDIATE so that waiting for another
 * desktop's lock happens up front instead of failing half-way.
 */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-database.h"
#include "core/gk-migrations.h"

#define BUSY_TIMEOUT_MS 10000

struct _GkDatabase
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *handle;
  gboolean   in_write;
  gint64     actor;
  GDateTime *clock;
};

G_DEFINE_FINAL_TYPE (GkDatabase, gk_database, G_TYPE_OBJECT)

static void
gk_database_finalize (GObject *object)
{
  GkDatabase *self = GK_DATABASE (object);

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_clear_pointer (&self->clock, g_date_time_unref);

  G_OBJECT_CLASS (gk_database_parent_class)->finalize (object);
}

static void
gk_database_class_init (GkDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_database_finalize;
}

static void
gk_database_init (GkDatabase *self)
{
}

void
gk_database_set_error (GkDatabase  *self,
                       GError     **error,
                       const char  *context)
{
  int code = sqlite3_extended_errcode (self->handle) & 0xff;
  GkCoreError kind = GK_CORE_ERROR_DATABASE;

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    kind = GK_CORE_ERROR_BUSY;
  else if (code == SQLITE_NOTADB)
    kind = GK_CORE_ERROR_NOT_SQLITE;

  if (kind == GK_CORE_ERROR_BUSY)
    g_set_error (error, GK_CORE_ERROR, kind,
                 _("%s: the database is in use by another program or desktop; try again in a moment"),
                 context);
  else
    g_set_error (error, GK_CORE_ERROR, kind, "%s: %s", context, sqlite3_errmsg (self->handle));
}

sqlite3_stmt *
gk_database_prepare (GkDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      gk_database_set_error (self, error, _("Cannot read the database"));
      return NULL;
    }
  return stmt;
}

gboolean
gk_database_exec (GkDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      gk_database_set_error (self, error, _("Database command failed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_database_step_done (GkDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      gk_database_set_error (self, error, _("Cannot write to the database"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (GkDatabase  *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (self, error, _("Cannot read the database"));
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* An existing, non-empty file must start with SQLite's magic string; checked
 * by reading it ourselves so that a wrong file is never touched by SQLite. */
static gboolean
check_header (const char  *path,
              gboolean    *is_new,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16];
  gsize got = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local_error))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  *is_new = (got == 0);
  if (got == 0)
    return TRUE;

  if (got < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Gongkai database (it is not an SQLite file at all)"), path);
      return FALSE;
    }
  return TRUE;
}

/* Refuses another application's file and a newer schema before anything is
 * written to the file. */
static gboolean
check_ownership (GkDatabase  *self,
                 GError     **error)
{
  gint64 app_id = 0, version = 0, n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (app_id != GK_DATABASE_APPLICATION_ID && (app_id != 0 || n_tables > 0))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another application, not a Gongkai database"),
                   self->path);
      return FALSE;
    }

  if (version > GK_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Gongkai (schema %d; this version knows %d). Update Gongkai to open it."),
                   self->path, (int) version, GK_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_pragmas (GkDatabase  *self,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;

  if (!gk_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    return FALSE;

  stmt = gk_database_prepare (self, "PRAGMA journal_mode = DELETE", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (self, error, _("Cannot set the journal mode"));
      return FALSE;
    }
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_ascii_strcasecmp (mode, "delete") != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” is in %s journal mode and another program has it open; close it there and try again"),
                   self->path, mode);
      return FALSE;
    }
  return TRUE;
}

static char *
backup_path_for (const char *path,
                 int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.v%d-%s.bak", path, version, stamp);
}

static gboolean
run_migrations (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  gint64 version = 0;
  g_autofree char *sql = NULL;

  /* Re-read under the write lock: another desktop may have migrated
   * between our first look and BEGIN IMMEDIATE. */
  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version > GK_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Gongkai"), db->path);
      return FALSE;
    }

  for (int v = (int) version + 1; v <= GK_DATABASE_SCHEMA_VERSION; v++)
    if (!gk_database_exec (db, gk_migrations_get (v), error))
      return FALSE;

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                         GK_DATABASE_APPLICATION_ID, GK_DATABASE_SCHEMA_VERSION);
  return gk_database_exec (db, sql, error);
}

static gboolean
migrate (GkDatabase  *self,
         GError     **error)
{
  gint64 version = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version == GK_DATABASE_SCHEMA_VERSION)
    return TRUE;

  if (version > 0)
    {
      g_autofree char *backup = backup_path_for (self->path, (int) version);

      if (!gk_database_backup_to (self, backup, error))
        return FALSE;
    }

  return gk_database_write (self, run_migrations, NULL, error);
}

/**
 * gk_database_open:
 * @path: the database file; created when missing
 *
 * Opens or creates a Gongkai database, migrating it to the current schema.
 * A file that is not SQLite, another application's SQLite file or a file
 * from a newer Gongkai is refused without being changed.
 */
GkDatabase *
gk_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(GkDatabase) self = NULL;
  gboolean is_new = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &is_new, error))
    return NULL;

  self = g_object_new (GK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  if (!check_ownership (self, error) ||
      !apply_pragmas (self, error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
gk_database_get_path (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
gk_database_get_handle (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);
  return self->handle;
}

int
gk_database_get_schema_version (GkDatabase *self)
{
  gint64 version = 0;

  g_return_val_if_fail (GK_IS_DATABASE (self), -1);
  if (!query_int (self, "PRAGMA user_version", &version, NULL))
    return -1;
  return (int) version;
}

/**
 * gk_database_write:
 * @func: does the change; returns FALSE with @error set to roll it back
 *
 * The one way to change the file: BEGIN IMMEDIATE, @func, COMMIT — or
 * ROLLBACK on any error. Audit events written by @func commit with it.
 */
gboolean
gk_database_write (GkDatabase   *self,
                   GkWriteFunc   func,
                   gpointer      user_data,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->in_write, FALSE);

  if (sqlite3_exec (self->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      gk_database_set_error (self, error, _("Cannot start a change"));
      return FALSE;
    }

  self->in_write = TRUE;
  if (!func (self, user_data, &local_error))
    {
      self->in_write = FALSE;
      sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->in_write = FALSE;

  if (sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      gk_database_set_error (self, error, _("Cannot save the change"));
      if (!sqlite3_get_autocommit (self->handle))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_database_in_write (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  return self->in_write;
}

/* How long a write waits for another desktop's lock before failing with
 * GK_CORE_ERROR_BUSY. */
void
gk_database_set_busy_timeout (GkDatabase *self,
                              int         milliseconds)
{
  g_return_if_fail (GK_IS_DATABASE (self));
  sqlite3_busy_timeout (self->handle, milliseconds);
}

/* Changes whenever another connection commits: the cheap way to notice
 * other desktops' writes (DESIGN §6). */
gint64
gk_database_get_data_version (GkDatabase *self)
{
  gint64 version = -1;

  g_return_val_if_fail (GK_IS_DATABASE (self), -1);
  query_int (self, "PRAGMA data_version", &version, NULL);
  return version;
}

/**
 * gk_database_backup_to:
 * @dest_path: a file that must not exist yet
 *
 * A consistent copy of the whole database, made with VACUUM INTO.
 */
gboolean
gk_database_backup_to (GkDatabase  *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
                   _("“%s” already exists; choose another name for the backup"), dest_path);
      return FALSE;
    }

  stmt = gk_database_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dest_path, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gk_database_set_error (self, error, _("Cannot write the backup"));
      return FALSE;
    }
  return TRUE;
}

char *
gk_database_timestamp (GkDatabase *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);

  now = self->clock ? g_date_time_ref (self->clock) : g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

void
gk_database_set_clock (GkDatabase *self,
                       GDateTime  *now)
{
  g_return_if_fail (GK_IS_DATABASE (self));

  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_ref (now);
}

/* The person on whose behalf changes are made; recorded in every audit
 * event. 0 means the system itself (template, migration). */
void
gk_database_set_actor (GkDatabase *self,
                       gint64      person_id)
{
  g_return_if_fail (GK_IS_DATABASE (self));
  self->actor = person_id;
}

gint64
gk_database_get_actor (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), 0);
  return self->actor;
}
