#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An SQLite VFS named "gk-fault" over the default one (unix): it counts
 * the calls of one kind and fails the Nth with an error code, the way a
 * full disk, a failing disk or a network share would. */

#define GK_FAULT_VFS_NAME "gk-fault"

typedef enum
{
  GK_FAULT_WRITE,  /* xWrite, on the database and its journal */
  GK_FAULT_SYNC,   /* xSync */
  GK_FAULT_LOCK,   /* xLock, when a lock is taken or raised */
} GkFaultOp;

/* Registers the VFS (once; not as the default). */
void  gk_fault_vfs_register (void);

/* From now on, the Nth call (1-based) of OP fails with CODE (for example
 * SQLITE_IOERR_WRITE, SQLITE_FULL, SQLITE_IOERR_FSYNC, SQLITE_BUSY); with
 * STICKY every later call of OP fails too, as on a disk that stays full. */
void  gk_fault_vfs_arm      (GkFaultOp op,
                             guint     n,
                             int       code,
                             gboolean  sticky);
/* No more faults; the counters start again from zero. */
void  gk_fault_vfs_disarm   (void);
/* Whether the armed fault has fired since gk_fault_vfs_arm(). */
gboolean gk_fault_vfs_fired (void);
/* Calls of OP counted since gk_fault_vfs_arm() or gk_fault_vfs_disarm(). */
guint gk_fault_vfs_count    (GkFaultOp op);

G_END_DECLS
