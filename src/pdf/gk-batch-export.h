/* gk-batch-export.h — many notices to PDF at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called after each notice written: DONE of TOTAL. */
typedef void (*GkBatchExportProgress) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/*
 * Exports the notices NOTICE_IDS (gint64) of the database at DATABASE_PATH
 * as they print now (gk_notice_print_content()): one PDF per notice in
 * FOLDER, named "<id> <title>.pdf", and, when COMBINED_PATH is not NULL,
 * all of them in one PDF, in the order given, drawn again by the same
 * renderers. N_THREADS workers render, each notice with a renderer of its
 * own; the database is read on the calling thread through a read-only
 * connection of its own, so the whole export may run in any thread.
 * PROGRESS (nullable) is called on the calling thread. Stops with
 * G_IO_ERROR_CANCELLED when CANCELLABLE is cancelled; files already
 * written stay.
 */
gboolean gk_batch_export        (const char             *database_path,
                                 GArray                 *notice_ids,
                                 const char             *folder,
                                 const char             *combined_path,
                                 guint                   n_threads,
                                 GCancellable           *cancellable,
                                 GkBatchExportProgress   progress,
                                 gpointer                user_data,
                                 GError                **error);

/* The same in a GTask thread; PROGRESS is called in the thread-default
 * main context of the caller (the GUI's main loop). */
void     gk_batch_export_async  (const char             *database_path,
                                 GArray                 *notice_ids,
                                 const char             *folder,
                                 const char             *combined_path,
                                 guint                   n_threads,
                                 GCancellable           *cancellable,
                                 GkBatchExportProgress   progress,
                                 gpointer                progress_data,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data);
gboolean gk_batch_export_finish (GAsyncResult           *result,
                                 GError                **error);

G_END_DECLS
