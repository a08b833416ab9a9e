#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Automatic backups of a database (DESIGN §6): one a day at the first
 * open of the day, one before every restore, kept a number of days (the
 * settings key backup-retention-days). Migrations keep their own backup
 * beside the file (gk_database_open()). "Back up now…" is
 * gk_database_backup_to() into a file the user picks.
 *
 * They live on this computer, in $XDG_DATA_HOME/gongkai/backups/NAME-HASH/
 * (NAME the file's name, HASH from its full path): always writable by the
 * user, even when the database is read-only to him, and on another disk
 * than a database on a network share, so that losing the share does not
 * lose its backups. Every desktop using a shared file keeps its own. */

#define GK_BACKUPS_DEFAULT_RETENTION_DAYS 30

typedef enum
{
  GK_BACKUP_DAILY,
  GK_BACKUP_BEFORE_RESTORE,
} GkBackupKind;

typedef struct
{
  char         *path;
  GkBackupKind  kind;
  GDateTime    *time;   /* local time it was made, from its name */
  goffset       size;
} GkBackupInfo;

void       gk_backup_info_free          (GkBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBackupInfo, gk_backup_info_free)

/* The folder of DB_PATH's backups; not created. */
char      *gk_backups_get_folder        (const char    *db_path);

/* GkBackupInfo, newest first. An absent folder is an empty list. */
GPtrArray *gk_backups_list              (GkDatabase    *db,
                                         GError       **error);

/* A new backup of KIND made at NOW (NULL: the current time); returns its path. */
char      *gk_backups_create            (GkDatabase    *db,
                                         GkBackupKind   kind,
                                         GDateTime     *now,
                                         GError       **error);

/* At open: backs up when there is no daily backup of NOW's day yet
 * (MADE, may be NULL, receives its path or NULL), then removes backups
 * older than the retention. */
gboolean   gk_backups_run_daily         (GkDatabase    *db,
                                         GDateTime     *now,
                                         char         **made,
                                         GError       **error);

/* Removes backups older than the retention, always keeping the newest;
 * returns how many it removed. */
guint      gk_backups_prune             (GkDatabase    *db,
                                         GDateTime     *now,
                                         GError       **error);

int        gk_backups_get_retention_days (GkDatabase   *db);
gboolean   gk_backups_set_retention_days (GkDatabase   *db,
                                          int           days,
                                          GError      **error);

/* Backs up the current content (SAFETY_COPY, may be NULL, receives its
 * path), then replaces it with BACKUP_PATH's: see
 * gk_database_restore_from(). */
gboolean   gk_backups_restore           (GkDatabase    *db,
                                         const char    *backup_path,
                                         char         **safety_copy,
                                         GError       **error);

G_END_DECLS
