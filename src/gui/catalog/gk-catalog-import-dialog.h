/* gk-catalog-import-dialog.h — imports a CSV file into a catalog after
 * showing what it would change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Asks for a file, checks it against CATALOG_ID and lists either its
 * problems, with their lines, or the changes it would make, with an Apply
 * button; applying makes them as PERSON_ID, as revisions with the reason
 * "import", then calls APPLIED (USER_DATA, a GObject, is kept alive).
 * Checking and applying run on a worker, each with a window that shows
 * the line or change it is at and a Cancel button; a cancelled or failed
 * import changes nothing. */
void gk_catalog_import_dialog_run (GtkWindow  *parent,
                                   GkDatabase *db,
                                   gint64      catalog_id,
                                   gint64      person_id,
                                   void      (*applied) (gpointer user_data),
                                   gpointer    user_data);

G_END_DECLS
