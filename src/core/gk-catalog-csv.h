#pragma once

#include <gio/gio.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Catalogs as CSV (DESIGN §9): RFC 4180, UTF-8, header
 * no,category,content,responsible,audiences,cadence, several names in one
 * field joined with 、. Written by gk_catalog_export_csv(); read here with
 * libcsv.
 *
 * Importing replaces the catalog's content with the file's, all or
 * nothing. Rows are matched to items by number: a number the catalog lacks
 * adds an item (or reactivates the retired item of that number), a number
 * it has revises the fields that differ, and an active item whose number
 * is not in the file is retired — never deleted. Every change is a
 * revision with the reason "import". Numbers are identity here, so
 * renumbering is an edit, not an import. Categories, organizations and
 * audiences must already exist, except that an import into a catalog
 * without any category creates the file's categories in the order they
 * first appear (that is how a catalog is restored from its export). */

typedef enum
{
  GK_CATALOG_DIFF_ADDED,     /* an item only the new version has */
  GK_CATALOG_DIFF_REMOVED,   /* an item only the old version has (retired since) */
  GK_CATALOG_DIFF_CHANGED,   /* one field of an item both have */
} GkCatalogDiffKind;

typedef struct
{
  GkCatalogDiffKind  kind;
  guint              number;
  char              *field;       /* CHANGED: category, content, responsible, audiences or cadence */
  char              *old_value;   /* CHANGED: the old value; REMOVED: the item's content */
  char              *new_value;   /* CHANGED: the new value; ADDED: the item's content */
} GkCatalogDiff;

void        gk_catalog_diff_free           (GkCatalogDiff *diff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalogDiff, gk_catalog_diff_free)
/* "added", "removed", "changed" */
const char *gk_catalog_diff_kind_to_string (GkCatalogDiffKind kind);

/* The differences from one catalog CSV to another, as GkCatalogDiff by item
 * number, then field in column order. */
GPtrArray  *gk_catalog_csv_diff            (const char  *old_csv,
                                            const char  *new_csv,
                                            GError     **error);

/* One bad record of an imported file: the line it starts on. */
typedef struct
{
  guint  line;
  char  *message;
} GkCatalogImportProblem;

typedef struct _GkCatalogImport GkCatalogImport;

/* Reads and checks a whole file against the catalog: every problem of
 * every record, with its line. NULL only when the database cannot be read. */
GkCatalogImport *gk_catalog_import_prepare      (GkDatabase       *db,
                                                 gint64            catalog_id,
                                                 const char       *data,
                                                 gsize             length,
                                                 GError          **error);
/* GkCatalogImportProblem, in line order; empty when the file is valid. */
GPtrArray       *gk_catalog_import_get_problems (GkCatalogImport  *import);
/* What applying would change, as GkCatalogDiff (the current catalog is the
 * old side); empty when the file has problems or matches the catalog. */
GPtrArray       *gk_catalog_import_get_changes  (GkCatalogImport  *import);
/* Makes the changes in one transaction, as ACTOR_ID, who must be allowed
 * to edit the catalog. Refused when the file has problems, and with
 * GK_CORE_ERROR_CONFLICT when the catalog changed since the preview. */
gboolean         gk_catalog_import_apply        (GkCatalogImport  *import,
                                                 gint64            actor_id,
                                                 GError          **error);

/* How far a long import is, called on the thread that runs it: DONE of
 * TOTAL lines of the file checked (prepare), or changes made (apply). */
typedef void (*GkCatalogImportProgress) (guint    done,
                                         guint    total,
                                         gpointer user_data);

/* gk_catalog_import_prepare() and _apply() for a worker: PROGRESS (may be
 * NULL) reports how far the work is, and CANCELLABLE stops it with
 * G_IO_ERROR_CANCELLED. An import prepared with _full() keeps no
 * connection: it is applied with gk_catalog_import_apply_full() on DB, any
 * connection to the same file (a worker's own). A cancelled or failed
 * apply rolls the whole import back: nothing changes. */
GkCatalogImport *gk_catalog_import_prepare_full (GkDatabase              *db,
                                                 gint64                   catalog_id,
                                                 const char              *data,
                                                 gsize                    length,
                                                 GkCatalogImportProgress  progress,
                                                 gpointer                 progress_data,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);
gboolean         gk_catalog_import_apply_full   (GkCatalogImport         *import,
                                                 GkDatabase              *db,
                                                 gint64                   actor_id,
                                                 GkCatalogImportProgress  progress,
                                                 gpointer                 progress_data,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);
void             gk_catalog_import_free         (GkCatalogImport  *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalogImport, gk_catalog_import_free)

G_END_DECLS
