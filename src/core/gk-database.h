#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "GKAI": marks a file as ours in PRAGMA application_id. */
#define GK_DATABASE_APPLICATION_ID 0x474B4149
#define GK_DATABASE_SCHEMA_VERSION 2

#define GK_TYPE_DATABASE (gk_database_get_type ())
G_DECLARE_FINAL_TYPE (GkDatabase, gk_database, GK, DATABASE, GObject)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef gboolean (*GkWriteFunc) (GkDatabase  *db,
                                 gpointer     user_data,
                                 GError     **error);

GkDatabase   *gk_database_open            (const char   *path,
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

gint64        gk_database_get_data_version (GkDatabase  *self);

gboolean      gk_database_backup_to       (GkDatabase   *self,
                                           const char   *dest_path,
                                           GError      **error);

/* Now, UTC, ISO 8601: the time stamp of every record and audit event.
 * A clock set with gk_database_set_clock() stands in for the real one, so
 * that generated demo histories can be spread over a year. */
char         *gk_database_timestamp       (GkDatabase   *self);
void          gk_database_set_clock       (GkDatabase   *self,
                                           GDateTime    *now);

void          gk_database_set_actor       (GkDatabase   *self,
                                           gint64        person_id);
gint64        gk_database_get_actor       (GkDatabase   *self);

G_END_DECLS
