#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What kind of filesystem holds a file: network filesystems change how
 * SQLite's locks behave (DESIGN §6), so the app says so once. */
typedef enum
{
  GK_FILESYSTEM_LOCAL,
  GK_FILESYSTEM_NFS,
  GK_FILESYSTEM_SMB,      /* SMB, SMB2 and CIFS mounts */
  GK_FILESYSTEM_FUSE,     /* sshfs, gvfs, rclone…: assumed to be remote */
  GK_FILESYSTEM_NETWORK,  /* another network filesystem (AFS, Ceph, 9P…) */
} GkFilesystemKind;

/* The kind of the filesystem PATH is on; PATH need not exist yet, then its
 * folder is asked. LOCAL when nothing can be found out. The environment
 * variable GONGKAI_FILESYSTEM_MAGIC (a statfs() f_type, decimal or 0x…)
 * stands in for statfs(), so that tests can show what a share looks like. */
GkFilesystemKind gk_filesystem_kind_of        (const char       *path);
/* The same from a statfs() f_type, for tests and for callers that have it. */
GkFilesystemKind gk_filesystem_kind_from_magic (guint64          magic);
gboolean         gk_filesystem_kind_is_network (GkFilesystemKind kind);
/* "NFS", "SMB/CIFS", "FUSE"…: not translated, these are names. */
const char      *gk_filesystem_kind_to_string  (GkFilesystemKind kind);

/* The one explanation the app shows when a database is on a network
 * share (translated). */
char            *gk_filesystem_describe_shared_mode (GkFilesystemKind kind);

/* Whether the current user may write PATH's file (when it exists) and the
 * folder it is in, where SQLite must create its journal. */
gboolean         gk_filesystem_can_write       (const char       *path);

G_END_DECLS
