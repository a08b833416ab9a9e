#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "core/gk-filesystem.h"

G_BEGIN_DECLS

/* "GKAI": marks a file as ours in PRAGMA application_id. */
#define GK_DATABASE_APPLICATION_ID 0x474B4149
#define GK_DATABASE_SCHEMA_VERSION 3

#define GK_TYPE_DATABASE (gk_database_get_type ())
G_DECLARE_FINAL_TYPE (GkDatabase, gk_database, GK, DATABASE, GObject)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef gboolean (*GkWriteFunc) (GkDatabase  *db,
                                 gpointer     user_data,
                                 GError     **error);

typedef enum
{
  GK_DATABASE_OPEN_DEFAULT   = 0,
  /* Never write, even when the file could be written. */
  GK_DATABASE_OPEN_READ_ONLY = 1 << 0,
} GkDatabaseOpenFlags;

/* How long a write waits for another desktop's lock before it fails with
 * GK_CORE_ERROR_BUSY, unless the environment variable GONGKAI_BUSY_TIMEOUT
 * gives another number of milliseconds; gk_database_set_busy_timeout()
 * changes it for one connection (the app's preference). */
#define GK_DATABASE_DEFAULT_BUSY_TIMEOUT_MS 10000

GkDatabase   *gk_database_open            (const char   *path,
                                           GError      **error);
/* VFS: an SQLite VFS registered by name, NULL for the default (tests
 * open through a fault-injecting one).
 *
 * A file or folder the user may not write is opened read-only (see
 * gk_database_is_read_only()); such a file must not need a migration. A
 * file in WAL mode (set by another tool) is converted back to the rollback
 * journal when no other program has it open, and refused otherwise. */
GkDatabase   *gk_database_open_full       (const char          *path,
                                           const char          *vfs,
                                           GkDatabaseOpenFlags  flags,
                                           GError             **error);
GkDatabase   *gk_database_open_with_vfs   (const char   *path,
                                           const char   *vfs,
                                           GError      **error);
/* The same file opened again with the same VFS, flags, busy timeout and
 * actor: after gk_database_has_moved(), or to drop a broken connection. */
GkDatabase   *gk_database_reopen          (GkDatabase   *self,
                                           GError      **error);
const char   *gk_database_get_path        (GkDatabase   *self);
sqlite3      *gk_database_get_handle      (GkDatabase   *self);
int           gk_database_get_schema_version (GkDatabase *self);

gboolean      gk_database_write           (GkDatabase   *self,
                                           GkWriteFunc   func,
                                           gpointer      user_data,
                                           GError      **error);
gboolean      gk_database_in_write        (GkDatabase   *self);

sqlite3_stmt *gk_database_prepare         (GkDatabase   *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      gk_database_exec            (GkDatabase   *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      gk_database_step_done       (GkDatabase   *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
void          gk_database_set_error       (GkDatabase   *self,
                                           GError      **error,
                                           const char   *context);

void          gk_database_set_busy_timeout (GkDatabase *self,
                                            int         milliseconds);
int           gk_database_get_busy_timeout (GkDatabase *self);

/* Called on the connection's thread, every few milliseconds, while a
 * statement waits for another connection's lock: ELAPSED_MS is the time
 * waited so far. FALSE stops waiting; the statement then fails with
 * GK_CORE_ERROR_BUSY, as after the busy timeout. */
typedef gboolean (*GkBusyFunc) (GkDatabase *db,
                                guint       elapsed_ms,
                                gpointer    user_data);

void          gk_database_set_busy_func    (GkDatabase *self,
                                            GkBusyFunc  func,
                                            gpointer    user_data);

/* Work that may wait for another desktop, off the caller's thread: FUNC
 * runs in a worker on a connection of its own to the same file (same
 * flags, busy timeout, actor, clock), and calls the core as any caller
 * does (gk_workflow_act (db, …)). BUSY_FUNC (may be NULL) is called in the
 * worker while it waits for a lock; CANCELLABLE stops such a wait, with
 * G_IO_ERROR_CANCELLED, but never work under way: a commit is reported as
 * done. The caller's connection sees the change at its next read. */
typedef gboolean (*GkDatabaseJobFunc) (GkDatabase *db,
                                       gpointer    data,
                                       GError    **error);

void          gk_database_run_async        (GkDatabase          *self,
                                            GkDatabaseJobFunc    func,
                                            gpointer             data,
                                            GDestroyNotify       data_free,
                                            GkBusyFunc           busy_func,
                                            gpointer             busy_data,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      gk_database_run_finish       (GkDatabase          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Read-only: writes fail with a clear message; the reason is a translated
 * sentence for a banner ("You may not change this file…"), NULL when the
 * database is writable. */
gboolean      gk_database_is_read_only     (GkDatabase *self);
const char   *gk_database_get_read_only_reason (GkDatabase *self);

/* The filesystem the file is on, found with statfs() at open. */
GkFilesystemKind gk_database_get_filesystem_kind (GkDatabase *self);
gboolean      gk_database_is_on_network_share (GkDatabase *self);

/* TRUE once the file this connection reads was renamed, deleted or
 * replaced by another file under the same name
 * (SQLITE_FCNTL_HAS_MOVED): the caller reopens by path and says so. */
gboolean      gk_database_has_moved        (GkDatabase *self);

/* PRAGMA quick_check / integrity_check on this connection: FALSE with a
 * message naming the first problem when the file is damaged. */
gboolean      gk_database_quick_check      (GkDatabase  *self,
                                            GError     **error);
gboolean      gk_database_integrity_check  (GkDatabase  *self,
                                            GError     **error);

typedef enum
{
  GK_DATABASE_CHECK_QUICK,  /* quick_check: at every open */
  GK_DATABASE_CHECK_FULL,   /* integrity_check and the audit chain: "Verify database" */
} GkDatabaseCheck;

/* A check on a connection of its own, opened read-only: safe on any
 * thread, so that the app can run it off the main loop while it goes on
 * using its own connection. */
gboolean      gk_database_check_path       (const char       *path,
                                            GkDatabaseCheck   check,
                                            GError          **error);
void          gk_database_check_path_async (const char          *path,
                                            GkDatabaseCheck      check,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      gk_database_check_path_finish (GAsyncResult  *result,
                                             GError       **error);

gint64        gk_database_get_data_version (GkDatabase  *self);

gboolean      gk_database_backup_to       (GkDatabase   *self,
                                           const char   *dest_path,
                                           GError      **error);
/* Replaces the whole content with that of a backup, in one transaction
 * (the backup API), then migrates it when it is older. Waits for other
 * connections' locks like any write and fails with GK_CORE_ERROR_BUSY;
 * other desktops see the restored content at their next data_version
 * poll. Take a backup of the current content first (gk-backups does). */
gboolean      gk_database_restore_from    (GkDatabase   *self,
                                           const char   *backup_path,
                                           GError      **error);

/* Now, UTC, ISO 8601: the time stamp of every record and audit event.
 * A clock set with gk_database_set_clock() stands in for the real one, so
 * that generated demo histories can be spread over a year. */
char         *gk_database_timestamp       (GkDatabase   *self);
void          gk_database_set_clock       (GkDatabase   *self,
                                           GDateTime    *now);
/* Today by that clock, local time, YYYY-MM-DD. */
char         *gk_database_today           (GkDatabase   *self);

/* A value of the settings table, or NULL when unset. */
char         *gk_database_get_setting     (GkDatabase   *self,
                                           const char   *key);

/* Sets (VALUE NULL or empty: removes) a value of the settings table, with
 * its audit event, in a write transaction of its own or nested in the
 * caller's. */
gboolean      gk_database_set_setting     (GkDatabase   *self,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);

void          gk_database_set_actor       (GkDatabase   *self,
                                           gint64        person_id);
gint64        gk_database_get_actor       (GkDatabase   *self);

G_END_DECLS
