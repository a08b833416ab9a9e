/* gk-batch-export-dialog.h — the approved and published notices of a date
 * range to PDF at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_BATCH_EXPORT_DIALOG (gk_batch_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkBatchExportDialog, gk_batch_export_dialog, GK, BATCH_EXPORT_DIALOG, AdwWindow)

/* A modal window over PARENT: chooses the notices of DB by date range, state
 * and organization, says how many there are, and exports them into one
 * combined PDF or one file per notice in a folder, in a worker thread with
 * a progress bar and Cancel (gk_batch_export_async()). */
GtkWidget *gk_batch_export_dialog_new (GtkWindow  *parent,
                                       GkDatabase *db);

G_END_DECLS
