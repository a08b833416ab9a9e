/* A fault-injecting SQLite VFS: every file it opens is the real file of
 * the default VFS wrapped in a method table that counts and may fail. */

#include <sqlite3.h>
#include <string.h>

#include "gk-fault-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* the default VFS's file, allocated right after */
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;

static struct
{
  gboolean  armed;
  GkFaultOp op;
  guint     n;
  int       code;
  gboolean  sticky;
  gboolean  fired;
  guint     counts[3];
} fault;

/* Counts a call of OP and says which error it must return, if any. */
static int
inject (GkFaultOp op)
{
  guint count = ++fault.counts[op];

  if (!fault.armed || fault.op != op)
    return SQLITE_OK;
  if (count == fault.n || (fault.sticky && count > fault.n))
    {
      fault.fired = TRUE;
      return fault.code;
    }
  return SQLITE_OK;
}

#define REAL(file) (((FaultFile *) (file))->real)

static int
fault_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
fault_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  int rc = inject (GK_FAULT_WRITE);

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file, int flags)
{
  int rc = inject (GK_FAULT_SYNC);

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file, int level)
{
  int rc = inject (GK_FAULT_LOCK);

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

/* Version 1 only: no shared memory (no WAL) and no memory mapping, so
 * every page goes through xRead and xWrite where it can fail. */
static const sqlite3_io_methods fault_io_methods = {
  .iVersion = 1,
  .xClose = fault_close,
  .xRead = fault_read,
  .xWrite = fault_write,
  .xTruncate = fault_truncate,
  .xSync = fault_sync,
  .xFileSize = fault_file_size,
  .xLock = fault_lock,
  .xUnlock = fault_unlock,
  .xCheckReservedLock = fault_check_reserved_lock,
  .xFileControl = fault_file_control,
  .xSectorSize = fault_sector_size,
  .xDeviceCharacteristics = fault_device_characteristics,
};

static int
fault_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *wrapper = (FaultFile *) file;
  int rc;

  wrapper->real = (sqlite3_file *) (wrapper + 1);
  memset (wrapper->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, wrapper->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set, even after a failure. */
  wrapper->base.pMethods = wrapper->real->pMethods ? &fault_io_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static int
fault_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
gk_fault_vfs_register (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = GK_FAULT_VFS_NAME,
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 0), ==, SQLITE_OK);
}

void
gk_fault_vfs_arm (GkFaultOp op,
                  guint     n,
                  int       code,
                  gboolean  sticky)
{
  g_assert_cmpuint (n, >=, 1);
  memset (&fault, 0, sizeof fault);
  fault.armed = TRUE;
  fault.op = op;
  fault.n = n;
  fault.code = code;
  fault.sticky = sticky;
}

void
gk_fault_vfs_disarm (void)
{
  memset (&fault, 0, sizeof fault);
}

gboolean
gk_fault_vfs_fired (void)
{
  return fault.fired;
}

guint
gk_fault_vfs_count (GkFaultOp op)
{
  return fault.counts[op];
}
