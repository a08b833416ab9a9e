#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_CORE_ERROR (gk_core_error_quark ())

typedef enum
{
  GK_CORE_ERROR_NOT_SQLITE,     /* the file is not an SQLite database at all */
  GK_CORE_ERROR_FOREIGN,        /* an SQLite file that belongs to another application */
  GK_CORE_ERROR_TOO_NEW,        /* written by a newer Gongkai: never opened */
  GK_CORE_ERROR_OPEN,           /* the file cannot be opened or created */
  GK_CORE_ERROR_BUSY,           /* another desktop holds the lock past the timeout */
  GK_CORE_ERROR_CONFLICT,       /* row_version mismatch: someone changed it first */
  GK_CORE_ERROR_NOT_FOUND,      /* a named organization, person, item… does not exist */
  GK_CORE_ERROR_AMBIGUOUS,      /* a name matches several records */
  GK_CORE_ERROR_INVALID,        /* input that breaks a rule; the message says which */
  GK_CORE_ERROR_DATABASE,       /* any other SQLite failure, with context */
  GK_CORE_ERROR_IO,             /* reading or writing a file other than the database */
  GK_CORE_ERROR_BROKEN_CHAIN,   /* the audit chain does not verify */
} GkCoreError;

GQuark gk_core_error_quark (void);

G_END_DECLS
