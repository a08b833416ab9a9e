#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* A change to the database that never blocks the window (DESIGN §6): FUNC
 * runs in a worker on a connection of its own (gk_database_run_async()).
 * After 300 ms a toast in WHERE's toast overlay (WHERE itself, or its
 * nearest ancestor overlay) shows PROGRESS, or, while another desktop
 * holds the lock, that the write is waiting for it, with Cancel. Past the
 * busy timeout a dialog says what happened and offers Retry, which runs
 * FUNC again; Cancel there, or in the toast, ends the job with
 * G_IO_ERROR_CANCELLED, which callers do not report.
 *
 * DATA (owned by the job, freed with DATA_FREE) stays alive until
 * CALLBACK has returned: FUNC may leave results in it for CALLBACK
 * (gk_write_job_get_data()). CALLBACK's source object is WHERE. */
void     gk_write_job_run    (GtkWidget           *where,
                              GkDatabase          *db,
                              const char          *progress,
                              GkDatabaseJobFunc    func,
                              gpointer             data,
                              GDestroyNotify       data_free,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
/* The same, also ended by CANCELLABLE, the caller's (its own Cancel
 * button), which the toast's Cancel cancels too. */
void     gk_write_job_run_full (GtkWidget           *where,
                                GkDatabase          *db,
                                const char          *progress,
                                GCancellable        *cancellable,
                                GkDatabaseJobFunc    func,
                                gpointer             data,
                                GDestroyNotify       data_free,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gboolean gk_write_job_finish (GAsyncResult        *result,
                              GError             **error);
/* The job's DATA, for CALLBACK to read what FUNC left there. */
gpointer gk_write_job_get_data (GAsyncResult      *result);

G_END_DECLS
