/* gk-batch-export.h — many notices to PDF at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/gk-notice.h"
#include "pdf/gk-notice-renderer.h"

G_BEGIN_DECLS

/* An approved notice exports as exactly the bytes its approval bound, or
 * not at all: a desktop with other fonts would print something else. PDF
 * is NOTICE rendered in LAYOUT as it prints now; when the approval binds
 * that layout (the plan's) and PDF is not what it bound, INVALID naming the
 * notice. Every export makes this check, single or batch. */
gboolean gk_batch_export_check_approval (GkNotice        *notice,
                                         GkNoticeLayout   layout,
                                         GBytes          *pdf,
                                         GError         **error);

/* Called as notices are done: DONE of TOTAL written (to their file, and
 * drawn into the combined PDF when there is one). */
typedef void (*GkBatchExportProgress) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/*
 * Exports the notices NOTICE_IDS (gint64) of the database at DATABASE_PATH
 * as they print now (gk_notice_print_content()): when FOLDER is not NULL,
 * one PDF per notice in it, named "<id> <title>.pdf", the same bytes as a
 * single export of the notice; when COMBINED_PATH is not NULL, all of them
 * in one PDF, in the order given, drawn from the same layouts. At least one
 * of the two is needed. Each approved notice is checked first
 * (gk_batch_export_check_approval()): one that prints differently stops
 * the export with that error, and nothing of it is written.
 *
 * N_THREADS workers lay out (and write) the notices, each with a renderer
 * of its own; the database is read on the calling thread through a
 * read-only connection of its own, so the whole export may run in any
 * thread. PROGRESS (nullable) is called on the calling thread.
 *
 * Stops at the first error, or with G_IO_ERROR_CANCELLED when CANCELLABLE
 * is cancelled. Files of single notices already written stay; the combined
 * PDF is written under a temporary name and only takes COMBINED_PATH once
 * complete. N_WRITTEN (nullable) receives, also on failure, how many
 * notices were exported: single files written, or with no FOLDER, all of
 * them once the combined PDF is complete, else none.
 */
gboolean gk_batch_export        (const char             *database_path,
                                 GArray                 *notice_ids,
                                 const char             *folder,
                                 const char             *combined_path,
                                 guint                   n_threads,
                                 GCancellable           *cancellable,
                                 GkBatchExportProgress   progress,
                                 gpointer                user_data,
                                 guint                  *n_written,
                                 GError                **error);

/* The same in a GTask thread; PROGRESS is called in the thread-default
 * main context of the caller (the GUI's main loop), possibly still after
 * CALLBACK, never after PROGRESS_DESTROY (nullable), which is called on
 * PROGRESS_DATA once the export is over and no call is pending. */
void     gk_batch_export_async  (const char             *database_path,
                                 GArray                 *notice_ids,
                                 const char             *folder,
                                 const char             *combined_path,
                                 guint                   n_threads,
                                 GCancellable           *cancellable,
                                 GkBatchExportProgress   progress,
                                 gpointer                progress_data,
                                 GDestroyNotify          progress_destroy,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data);
gboolean gk_batch_export_finish (GAsyncResult           *result,
                                 guint                  *n_written,
                                 GError                **error);

G_END_DECLS
