/* gk-filesystem.c: where a database file lives, as far as SQLite cares
 *
 * On NFS and SMB, POSIX locks depend on the server and the mount options,
 * and the page cache may hide another client's writes for a moment; SQLite
 * is safe there only with the rollback journal and when locking works.
 * statfs() tells which filesystem a file is on, so the app can explain this
 * once instead of failing mysteriously later.
 */

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "core/gk-filesystem.h"

/* From <linux/magic.h> and the kernel's fs/smb: not all are in the
 * userspace headers. */
#define NFS_MAGIC   0x6969
#define SMB_MAGIC   0x517B
#define SMB2_MAGIC  0xFE534D42
#define CIFS_MAGIC  0xFF534D42
#define FUSE_MAGIC  0x65735546
#define AFS_MAGIC   0x5346414F
#define CEPH_MAGIC  0x00C36400
#define V9FS_MAGIC  0x01021997
#define CODA_MAGIC  0x73757245

GkFilesystemKind
gk_filesystem_kind_from_magic (guint64 magic)
{
  switch (magic)
    {
    case NFS_MAGIC:
      return GK_FILESYSTEM_NFS;
    case SMB_MAGIC:
    case SMB2_MAGIC:
    case CIFS_MAGIC:
      return GK_FILESYSTEM_SMB;
    case FUSE_MAGIC:
      return GK_FILESYSTEM_FUSE;
    case AFS_MAGIC:
    case CEPH_MAGIC:
    case V9FS_MAGIC:
    case CODA_MAGIC:
      return GK_FILESYSTEM_NETWORK;
    default:
      return GK_FILESYSTEM_LOCAL;
    }
}

GkFilesystemKind
gk_filesystem_kind_of (const char *path)
{
  g_autofree char *folder = NULL;
  const char *forced = g_getenv ("GONGKAI_FILESYSTEM_MAGIC");
  guint64 magic = 0;
  struct statfs info;

  g_return_val_if_fail (path != NULL, GK_FILESYSTEM_LOCAL);

  /* Tests pretend to be on a share: GONGKAI_FILESYSTEM_MAGIC=0x6969 is NFS. */
  if (forced != NULL &&
      (g_str_has_prefix (forced, "0x")
       ? g_ascii_string_to_unsigned (forced + 2, 16, 0, G_MAXUINT64, &magic, NULL)
       : g_ascii_string_to_unsigned (forced, 10, 0, G_MAXUINT64, &magic, NULL)))
    return gk_filesystem_kind_from_magic (magic);

  if (statfs (path, &info) == 0)
    return gk_filesystem_kind_from_magic ((guint64) (gulong) info.f_type);

  folder = g_path_get_dirname (path);
  if (statfs (folder, &info) == 0)
    return gk_filesystem_kind_from_magic ((guint64) (gulong) info.f_type);
  return GK_FILESYSTEM_LOCAL;
}

gboolean
gk_filesystem_kind_is_network (GkFilesystemKind kind)
{
  return kind != GK_FILESYSTEM_LOCAL;
}

const char *
gk_filesystem_kind_to_string (GkFilesystemKind kind)
{
  switch (kind)
    {
    case GK_FILESYSTEM_LOCAL:
      return "local";
    case GK_FILESYSTEM_NFS:
      return "NFS";
    case GK_FILESYSTEM_SMB:
      return "SMB/CIFS";
    case GK_FILESYSTEM_FUSE:
      return "FUSE";
    case GK_FILESYSTEM_NETWORK:
    default:
      return "network";
    }
}

char *
gk_filesystem_describe_shared_mode (GkFilesystemKind kind)
{
  return g_strdup_printf (_("This database is on a network share (%s). Several desktops may use it at once: "
                            "each change waits for the others’ to finish, other desktops’ changes appear "
                            "within a few seconds, and if two people change the same record the second is "
                            "told and chooses. Locking depends on the server; if changes are lost or the "
                            "file is reported damaged, ask for the share to be mounted with locking enabled, "
                            "or keep the file on one computer."),
                          gk_filesystem_kind_to_string (kind));
}

gboolean
gk_filesystem_can_write (const char *path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (access (path, W_OK) != 0 && errno != ENOENT)
    return FALSE;
  folder = g_path_get_dirname (path);
  return access (folder, W_OK | X_OK) == 0;
}
