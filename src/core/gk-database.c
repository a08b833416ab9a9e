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

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-database.h"
#include "core/gk-migrations.h"

struct _GkDatabase
{
  GObject  parent_instance;

  char    *path;
  char    *vfs;
  GkDatabaseOpenFlags flags;
  sqlite3 *handle;
  gboolean   in_write;
  gint64     actor;
  GDateTime *clock;
  int        busy_timeout;
  char      *read_only_reason;
  GkFilesystemKind filesystem;

  /* The wait for another connection's lock (busy_handler()): when it
   * began, how long the last one lasted, who is told. */
  gint64     busy_since;
  guint      busy_waited_ms;
  GkBusyFunc busy_func;
  gpointer   busy_data;
};

G_DEFINE_FINAL_TYPE (GkDatabase, gk_database, G_TYPE_OBJECT)

static void
gk_database_finalize (GObject *object)
{
  GkDatabase *self = GK_DATABASE (object);

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->vfs);
  g_free (self->read_only_reason);
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

  if (kind == GK_CORE_ERROR_BUSY && self->busy_waited_ms >= 1000)
    g_set_error (error, GK_CORE_ERROR, kind,
                 _("%s: another desktop or program kept the database locked for %u s, longer than this computer waits; nothing was changed. Try again when it has finished."),
                 context, (self->busy_waited_ms + 500) / 1000);
  else if (kind == GK_CORE_ERROR_BUSY)
    g_set_error (error, GK_CORE_ERROR, kind,
                 _("%s: the database is in use by another program or desktop; nothing was changed. Try again in a moment."),
                 context);
  else if (code == SQLITE_READONLY)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                 _("%s: the database is open read-only"), context);
  else if (code == SQLITE_FULL)
    g_set_error (error, GK_CORE_ERROR, kind,
                 _("%s: the disk is full; nothing was changed. Free some space and try again"), context);
  else if (code == SQLITE_IOERR)
    g_set_error (error, GK_CORE_ERROR, kind,
                 _("%s: the file could not be read or written (%s); nothing was changed. Try again, and check the disk or the network share if it persists"),
                 context, sqlite3_errmsg (self->handle));
  else
    g_set_error (error, GK_CORE_ERROR, kind, "%s: %s", context, sqlite3_errmsg (self->handle));
  self->busy_waited_ms = 0;
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

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* The header's page count is trusted, by SQLite too, when the change
 * counter matches "version-valid-for"; a file shorter than that was cut.
 * A hot journal excuses it: a crash in the middle of a commit that grew
 * the file, which the journal rolls back. */
static gboolean
is_truncated (const char   *path,
              const guint8 *header,
              goffset       size)
{
  g_autofree char *journal = NULL;
  guint32 page_size = (guint32) header[16] << 8 | header[17];
  guint32 n_pages = read_be32 (header + 28);
  GStatBuf st;

  if (page_size == 1)
    page_size = 65536;
  if (read_be32 (header + 24) != read_be32 (header + 92) || n_pages == 0)
    return FALSE;
  if ((guint64) size >= (guint64) n_pages * page_size)
    return FALSE;

  journal = g_strconcat (path, "-journal", NULL);
  return g_stat (journal, &st) != 0 || st.st_size == 0;
}

/* An existing, non-empty file must start with SQLite's magic string and
 * be as long as its header says; checked by reading it ourselves so that a
 * wrong file is never touched by SQLite. */
static gboolean
check_header (const char  *path,
              gboolean    *is_new,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[100];
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

  if (got < sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Gongkai database (it is not an SQLite file at all)"), path);
      return FALSE;
    }

  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  if (got < sizeof header || is_truncated (path, header, g_file_info_get_size (info)))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_DATABASE,
                   _("“%s” is damaged: it is shorter than its header says, as if it was cut off while being copied. Restore it from a backup."),
                   path);
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

static char *
query_text (GkDatabase  *self,
            const char  *sql,
            const char  *context,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (self, error, context);
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* WAL needs shared memory that network filesystems do not share, so a file
 * another tool put in WAL mode goes back to the rollback journal. SQLite
 * allows that only when no other connection has the file open; waiting
 * for them would not help, so the attempt does not wait. */
static gboolean
leave_wal (GkDatabase  *self,
           GError     **error)
{
  g_autofree char *mode = NULL;
  int busy_timeout;

  if (self->read_only_reason != NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” is in WAL mode (set by another program), which Gongkai does not use because it fails on shared folders, and it cannot be converted because it is read-only"),
                   self->path);
      return FALSE;
    }

  busy_timeout = self->busy_timeout;
  self->busy_timeout = 0;
  mode = query_text (self, "PRAGMA journal_mode = DELETE", _("Cannot set the journal mode"), NULL);
  self->busy_timeout = busy_timeout;

  if (mode == NULL || g_ascii_strcasecmp (mode, "delete") != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” is in WAL mode (set by another program), which Gongkai does not use because it fails on shared folders. It can be converted only while no other program has it open, and another program has it open now: close it there and try again"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_pragmas (GkDatabase  *self,
               GError     **error)
{
  g_autofree char *mode = NULL;

  if (!gk_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    return FALSE;

  mode = query_text (self, "PRAGMA journal_mode", _("Cannot read the journal mode"), error);
  if (mode == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (mode, "wal") == 0)
    return leave_wal (self, error);
  if (self->read_only_reason != NULL)
    return TRUE;

  g_free (mode);
  mode = query_text (self, "PRAGMA journal_mode = DELETE", _("Cannot set the journal mode"), error);
  if (mode == NULL)
    return FALSE;
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

  if (self->read_only_reason != NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” must be upgraded to this version of Gongkai, but it is read-only (%s). Open it once where it can be changed."),
                   self->path, self->read_only_reason);
      return FALSE;
    }

  if (version > 0)
    {
      g_autofree char *backup = backup_path_for (self->path, (int) version);

      if (!gk_database_backup_to (self, backup, error))
        return FALSE;
    }

  return gk_database_write (self, run_migrations, NULL, error);
}

/* SQLite's own busy_timeout handler, with a callback: it sleeps a
 * little longer each time, up to 50 ms so that giving up is quick, until
 * the timeout. */
static int
busy_handler (void *user_data,
              int   count)
{
  static const guint delays_ms[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50 };
  GkDatabase *self = user_data;
  gint64 now = g_get_monotonic_time ();
  guint delay;

  if (count == 0)
    self->busy_since = now;
  self->busy_waited_ms = (guint) ((now - self->busy_since) / 1000);

  if (self->busy_waited_ms >= (guint) self->busy_timeout)
    return 0;
  if (self->busy_func != NULL && !self->busy_func (self, self->busy_waited_ms, self->busy_data))
    return 0;

  delay = delays_ms[MIN ((guint) count, G_N_ELEMENTS (delays_ms) - 1)];
  g_usleep (MIN (delay, (guint) self->busy_timeout - self->busy_waited_ms) * 1000);
  return 1;
}

static int
default_busy_timeout (void)
{
  const char *text = g_getenv ("GONGKAI_BUSY_TIMEOUT");
  guint64 ms = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &ms, NULL))
    return (int) ms;
  return GK_DATABASE_DEFAULT_BUSY_TIMEOUT_MS;
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
  return gk_database_open_full (path, NULL, GK_DATABASE_OPEN_DEFAULT, error);
}

GkDatabase *
gk_database_open_with_vfs (const char  *path,
                           const char  *vfs,
                           GError     **error)
{
  return gk_database_open_full (path, vfs, GK_DATABASE_OPEN_DEFAULT, error);
}

/* BUSY_TIMEOUT < 0: the default. BUSY_FUNC is in place before the first
 * statement, which may already wait for another desktop's lock. */
static GkDatabase *
open_connection (const char           *path,
                 const char           *vfs,
                 GkDatabaseOpenFlags   flags,
                 int                   busy_timeout,
                 GkBusyFunc            busy_func,
                 gpointer              busy_data,
                 GError              **error)
{
  g_autoptr(GkDatabase) self = NULL;
  gboolean is_new = FALSE;
  int open_flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  if (!check_header (path, &is_new, error))
    return NULL;

  self = g_object_new (GK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->vfs = g_strdup (vfs);
  self->flags = flags;
  self->busy_timeout = busy_timeout >= 0 ? busy_timeout : default_busy_timeout ();
  self->busy_func = busy_func;
  self->busy_data = busy_data;
  self->filesystem = gk_filesystem_kind_of (path);

  if (flags & GK_DATABASE_OPEN_READ_ONLY)
    self->read_only_reason = g_strdup (_("it was opened read-only"));
  else if (!gk_filesystem_can_write (path))
    self->read_only_reason = g_strdup (_("you may not change this file or the folder it is in"));

  if (self->read_only_reason != NULL && is_new)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot create “%s”: %s"), path, self->read_only_reason);
      return NULL;
    }

  open_flags |= self->read_only_reason ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (path, &self->handle, open_flags, vfs);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_handler (self->handle, busy_handler, self);

  /* SQLite falls back to read-only by itself when the file cannot be
   * opened for writing (a read-only mount, for one). */
  if (self->read_only_reason == NULL && sqlite3_db_readonly (self->handle, "main") == 1)
    self->read_only_reason = g_strdup (_("the file or the disk it is on cannot be written"));

  if (!check_ownership (self, error) ||
      !apply_pragmas (self, error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

GkDatabase *
gk_database_open_full (const char           *path,
                       const char           *vfs,
                       GkDatabaseOpenFlags   flags,
                       GError              **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_connection (path, vfs, flags, -1, NULL, NULL, error);
}

GkDatabase *
gk_database_reopen (GkDatabase  *self,
                    GError     **error)
{
  GkDatabase *other;

  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);

  other = open_connection (self->path, self->vfs, self->flags, self->busy_timeout, NULL, NULL, error);
  if (other == NULL)
    return NULL;
  other->actor = self->actor;
  if (self->clock != NULL)
    other->clock = g_date_time_ref (self->clock);
  return other;
}

gboolean
gk_database_is_read_only (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), TRUE);
  return self->read_only_reason != NULL;
}

const char *
gk_database_get_read_only_reason (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);
  return self->read_only_reason;
}

GkFilesystemKind
gk_database_get_filesystem_kind (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), GK_FILESYSTEM_LOCAL);
  return self->filesystem;
}

gboolean
gk_database_is_on_network_share (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  return gk_filesystem_kind_is_network (self->filesystem);
}

gboolean
gk_database_has_moved (GkDatabase *self)
{
  int moved = 0;

  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);

  if (sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK)
    return FALSE;
  return moved != 0;
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

/* Inside a write, a nested change is a savepoint: it rolls back alone on
 * failure and commits with the outer transaction. */
static gboolean
write_nested (GkDatabase   *self,
              GkWriteFunc   func,
              gpointer      user_data,
              GError      **error)
{
  if (!gk_database_exec (self, "SAVEPOINT gk_nested", error))
    return FALSE;
  if (!func (self, user_data, error))
    {
      sqlite3_exec (self->handle, "ROLLBACK TO gk_nested; RELEASE gk_nested", NULL, NULL, NULL);
      return FALSE;
    }
  return gk_database_exec (self, "RELEASE gk_nested", error);
}

/**
 * gk_database_write:
 * @func: does the change; returns FALSE with @error set to roll it back
 *
 * The one way to change the file: BEGIN IMMEDIATE, @func, COMMIT — or
 * ROLLBACK on any error. Audit events written by @func commit with it.
 * Called from inside another write's @func, it nests as a savepoint.
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

  if (self->in_write)
    return write_nested (self, func, user_data, error);

  if (self->read_only_reason != NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” is open read-only (%s); nothing can be changed"),
                   self->path, self->read_only_reason);
      return FALSE;
    }

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
  g_return_if_fail (milliseconds >= 0);

  self->busy_timeout = milliseconds;
}

/**
 * gk_database_set_busy_func:
 * @func: (nullable): called on the connection's thread while a statement
 *   waits for another connection's lock
 *
 * How a wait for another desktop can be shown and given up: @func is
 * called every few milliseconds with the time waited so far; FALSE stops
 * the wait, and the statement fails with GK_CORE_ERROR_BUSY as it does
 * after the busy timeout.
 */
void
gk_database_set_busy_func (GkDatabase *self,
                           GkBusyFunc  func,
                           gpointer    user_data)
{
  g_return_if_fail (GK_IS_DATABASE (self));

  self->busy_func = func;
  self->busy_data = user_data;
}

int
gk_database_get_busy_timeout (GkDatabase *self)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), 0);
  return self->busy_timeout;
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

/* Opens PATH read-only without any check but its header: for looking at
 * a backup before it is restored. */
static GkDatabase *
open_raw_read_only (const char  *path,
                    GError     **error)
{
  g_autoptr(GkDatabase) other = NULL;
  gboolean is_new = FALSE;
  int rc;

  if (!check_header (path, &is_new, error))
    return NULL;
  if (is_new)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_SQLITE,
                   _("“%s” is empty, not a Gongkai database"), path);
      return NULL;
    }

  other = g_object_new (GK_TYPE_DATABASE, NULL);
  other->path = g_strdup (path);
  other->read_only_reason = g_strdup (_("it was opened read-only"));
  rc = sqlite3_open_v2 (path, &other->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   other->handle ? sqlite3_errmsg (other->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (other->handle, 1);
  return g_steal_pointer (&other);
}

/**
 * gk_database_restore_from:
 * @backup_path: a Gongkai database, as made by gk_database_backup_to()
 *
 * The backup is checked first (ours, not newer, quick_check ok); the copy
 * is one transaction of the backup API on this connection, so that a crash
 * half-way leaves the old content, and other connections notice the change.
 */
gboolean
gk_database_restore_from (GkDatabase  *self,
                          const char  *backup_path,
                          GError     **error)
{
  g_autoptr(GkDatabase) source = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (!self->in_write, FALSE);

  if (self->read_only_reason != NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” is open read-only (%s); nothing can be changed"),
                   self->path, self->read_only_reason);
      return FALSE;
    }

  source = open_raw_read_only (backup_path, error);
  if (source == NULL)
    return FALSE;
  if (!check_ownership (source, error))
    return FALSE;
  if (!gk_database_quick_check (source, &local_error))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_DATABASE,
                   _("“%s” cannot be restored: %s"), backup_path, local_error->message);
      return FALSE;
    }

  backup = sqlite3_backup_init (self->handle, "main", source->handle, "main");
  if (backup == NULL)
    {
      gk_database_set_error (self, error, _("Cannot restore the backup"));
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (self, error, _("Cannot restore the backup"));
      return FALSE;
    }

  return apply_pragmas (self, error) && migrate (self, error);
}

static gboolean
run_check (GkDatabase  *self,
           const char  *sql,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (self, sql, error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (self, error, _("Cannot check the file"));
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_DATABASE,
                   _("The file is damaged: %s"), result);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_database_quick_check (GkDatabase  *self,
                         GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  return run_check (self, "PRAGMA quick_check(1)", error);
}

gboolean
gk_database_integrity_check (GkDatabase  *self,
                             GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  return run_check (self, "PRAGMA integrity_check(1)", error);
}

gboolean
gk_database_check_path (const char       *path,
                        GkDatabaseCheck   check,
                        GError          **error)
{
  g_autoptr(GkDatabase) db = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  if (check == GK_DATABASE_CHECK_QUICK)
    return gk_database_quick_check (db, error);
  return gk_database_integrity_check (db, error) && gk_audit_verify (db, NULL, error);
}

typedef struct
{
  char            *path;
  GkDatabaseCheck  check;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  GError *error = NULL;

  if (gk_database_check_path (job->path, job->check, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gk_database_check_path_async (const char          *path,
                              GkDatabaseCheck      check,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;

  g_return_if_fail (path != NULL);

  job = g_new0 (CheckJob, 1);
  job->path = g_strdup (path);
  job->check = check;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_database_check_path_async);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);
}

gboolean
gk_database_check_path_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* gk_database_run_async(): what the worker needs to open the same file
 * as the caller's connection, copied on the caller's thread. */
typedef struct
{
  char                *path;
  char                *vfs;
  GkDatabaseOpenFlags  flags;
  int                  busy_timeout;
  gint64               actor;
  GDateTime           *clock;
  GkDatabaseJobFunc    func;
  gpointer             data;
  GDestroyNotify       data_free;
  GkBusyFunc           busy_func;
  gpointer             busy_data;
  GCancellable        *cancellable;
} RunJob;

static void
run_job_free (RunJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job->vfs);
  g_clear_pointer (&job->clock, g_date_time_unref);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gboolean
run_busy (GkDatabase *db,
          guint       elapsed_ms,
          gpointer    user_data)
{
  RunJob *job = user_data;

  if (g_cancellable_is_cancelled (job->cancellable))
    return FALSE;
  return job->busy_func == NULL || job->busy_func (db, elapsed_ms, job->busy_data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunJob *job = task_data;
  g_autoptr(GkDatabase) db = NULL;
  GError *error = NULL;
  gboolean ok;

  db = open_connection (job->path, job->vfs, job->flags, job->busy_timeout, run_busy, job, &error);
  if (db != NULL)
    {
      db->actor = job->actor;
      if (job->clock != NULL)
        db->clock = g_date_time_ref (job->clock);
    }
  ok = db != NULL && job->func (db, job->data, &error);

  /* Given up on a lock because the user cancelled: said so, not as busy.
   * Cancelled later, the work was done or failed by itself. */
  if (!ok && g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY) &&
      g_cancellable_is_cancelled (job->cancellable))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Stopped waiting for the other desktop; nothing was changed"));
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gk_database_run_async:
 * @func: the work, on a connection of its own: called in a worker thread
 * @data: (transfer full): for @func, freed with @data_free
 * @busy_func: (nullable): called in the worker while it waits for another
 *   desktop's lock (see gk_database_set_busy_func())
 * @cancellable: (nullable): stops a wait for a lock
 *
 * Writes (or anything else) that may wait for another desktop without
 * blocking the caller: @func runs in a worker thread on a new connection
 * to the same file, with the same flags, busy timeout, actor and clock.
 * The caller's connection sees the result at its next read, like any
 * other desktop's commit. Cancelling stops a wait for a lock (the result
 * is then G_IO_ERROR_CANCELLED), never work already under way: what
 * @func committed is reported as done.
 */
void
gk_database_run_async (GkDatabase          *self,
                       GkDatabaseJobFunc    func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GkBusyFunc           busy_func,
                       gpointer             busy_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunJob *job;

  g_return_if_fail (GK_IS_DATABASE (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (RunJob, 1);
  job->path = g_strdup (self->path);
  job->vfs = g_strdup (self->vfs);
  job->flags = self->flags;
  job->busy_timeout = self->busy_timeout;
  job->actor = self->actor;
  job->clock = self->clock != NULL ? g_date_time_ref (self->clock) : NULL;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->busy_func = busy_func;
  job->busy_data = busy_data;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_database_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) run_job_free);
  /* A write that committed is reported as done even if Cancel came late. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
gk_database_run_finish (GkDatabase    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
gk_database_timestamp (GkDatabase *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);

  now = self->clock ? g_date_time_ref (self->clock) : g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

char *
gk_database_today (GkDatabase *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);

  now = self->clock ? g_date_time_to_local (self->clock) : g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
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

char *
gk_database_get_setting (GkDatabase *self,
                         const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (self), NULL);

  stmt = gk_database_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

typedef struct
{
  const char *key;
  const char *value;
} SettingChange;

static gboolean
write_setting (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  const SettingChange *change = user_data;
  g_autofree char *old_value = gk_database_get_setting (db, change->key);
  g_autofree char *entity = g_strconcat ("setting:", change->key, NULL);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (g_strcmp0 (old_value, change->value) == 0)
    return TRUE;

  if (change->value != NULL)
    stmt = gk_database_prepare (db,
                                "INSERT INTO settings (key, value) VALUES (?, ?)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                error);
  else
    stmt = gk_database_prepare (db, "DELETE FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->key, -1, SQLITE_STATIC);
  if (change->value != NULL)
    sqlite3_bind_text (stmt, 2, change->value, -1, SQLITE_STATIC);

  old_json = gk_audit_json ("value", old_value, NULL);
  new_json = gk_audit_json ("value", change->value, NULL);
  /* "update" with null on the side where the key is absent, as
   * gk-backups and gk-dashboard record their settings. */
  return gk_database_step_done (db, stmt, error) &&
         gk_audit_append (db, entity, 0, "update", old_json, new_json, error);
}

/* Sets KEY of the settings table to VALUE, or removes it when VALUE is
 * NULL or empty (the reader's default applies again), with its audit
 * event "setting:KEY" in the same transaction. Setting the value it
 * already has changes nothing and records nothing. */
gboolean
gk_database_set_setting (GkDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  SettingChange change = { key, value };

  g_return_val_if_fail (GK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL && key[0] != '\0', FALSE);
  g_return_val_if_fail (value == NULL || g_utf8_validate (value, -1, NULL), FALSE);

  if (value != NULL && value[0] == '\0')
    change.value = NULL;

  return gk_database_write (self, write_setting, &change, error);
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
