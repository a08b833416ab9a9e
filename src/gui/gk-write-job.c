/* gk-write-job.c: writes off the main thread, with progress and Retry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-core-error.h"
#include "gk-write-job.h"

/* Quicker writes show nothing. */
#define PROGRESS_DELAY_MS 300
#define PROGRESS_TICK_MS  100

typedef struct
{
  GtkWidget         *where;
  GkDatabase        *db;
  char              *progress;
  GkDatabaseJobFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
  GCancellable      *caller_cancellable;  /* NULL: the job's own */

  /* The current attempt */
  GCancellable      *cancellable;
  gint64             started;
  guint              tick_id;
  int                waiting;  /* atomic: set by the worker */
  AdwToast          *toast;
  gboolean           toast_waiting;
} WriteJob;

static void
write_job_dismiss_toast (WriteJob *job)
{
  if (job->toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (job->toast, job);
  adw_toast_dismiss (job->toast);
  g_clear_object (&job->toast);
}

static void
write_job_free (WriteJob *job)
{
  g_clear_handle_id (&job->tick_id, g_source_remove);
  write_job_dismiss_toast (job);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->where);
  g_clear_object (&job->db);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->caller_cancellable);
  g_free (job->progress);
  g_free (job);
}

static void
on_toast_cancel (AdwToast *toast,
                 WriteJob *job)
{
  g_cancellable_cancel (job->cancellable);
}

static AdwToastOverlay *
write_job_find_overlay (WriteJob *job)
{
  if (ADW_IS_TOAST_OVERLAY (job->where))
    return ADW_TOAST_OVERLAY (job->where);
  return ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (job->where, ADW_TYPE_TOAST_OVERLAY));
}

/* A spinner and what is going on; while another desktop holds the lock,
 * that, and a way to stop waiting. */
static void
write_job_show_toast (WriteJob *job,
                      gboolean  waiting)
{
  AdwToastOverlay *overlay = write_job_find_overlay (job);
  const char *text = waiting ? _("Waiting for another computer to finish writing…") : job->progress;
  GtkWidget *box, *spinner, *label;

  if (job->toast != NULL && job->toast_waiting == waiting)
    return;
  write_job_dismiss_toast (job);
  if (overlay == NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);

  job->toast = adw_toast_new (text);
  job->toast_waiting = waiting;
  adw_toast_set_custom_title (job->toast, box);
  adw_toast_set_timeout (job->toast, 0);
  adw_toast_set_priority (job->toast, ADW_TOAST_PRIORITY_HIGH);
  if (waiting)
    {
      adw_toast_set_button_label (job->toast, _("Cancel"));
      g_signal_connect (job->toast, "button-clicked", G_CALLBACK (on_toast_cancel), job);
    }
  adw_toast_overlay_add_toast (overlay, g_object_ref (job->toast));
}

static gboolean
on_progress_tick (gpointer user_data)
{
  WriteJob *job = user_data;

  if (g_get_monotonic_time () - job->started < PROGRESS_DELAY_MS * 1000)
    return G_SOURCE_CONTINUE;
  write_job_show_toast (job, g_atomic_int_get (&job->waiting) != 0);
  return G_SOURCE_CONTINUE;
}

/* In the worker, while it waits for a lock. */
static gboolean
on_busy (GkDatabase *db,
         guint       elapsed_ms,
         gpointer    user_data)
{
  WriteJob *job = user_data;

  g_atomic_int_set (&job->waiting, 1);
  return TRUE;
}

static void write_job_start (GTask *task);

static void
on_busy_response (AdwMessageDialog *dialog,
                  const char       *response,
                  GTask            *task)
{
  if (g_strcmp0 (response, "retry") == 0)
    write_job_start (task);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("Nothing was changed"));
}

/* The busy timeout passed: nothing was written, the same change may be
 * tried again. */
static void
write_job_offer_retry (GTask        *task,
                       const GError *error)
{
  WriteJob *job = g_task_get_task_data (task);
  GtkRoot *root = gtk_widget_get_root (job->where);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Database Is Busy"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_busy_response),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_handle_id (&job->tick_id, g_source_remove);
  write_job_dismiss_toast (job);

  if (gk_database_run_finish (GK_DATABASE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY))
    {
      write_job_offer_retry (task, error);
      g_error_free (error);
    }
  else
    g_task_return_error (task, error);
}

static void
write_job_start (GTask *task)
{
  WriteJob *job = g_task_get_task_data (task);

  g_clear_object (&job->cancellable);
  job->cancellable = job->caller_cancellable != NULL ? g_object_ref (job->caller_cancellable)
                                                     : g_cancellable_new ();
  job->started = g_get_monotonic_time ();
  g_atomic_int_set (&job->waiting, 0);
  job->tick_id = g_timeout_add (PROGRESS_TICK_MS, on_progress_tick, job);

  gk_database_run_async (job->db, job->func, job->data, NULL, on_busy, job, job->cancellable,
                         on_run_done, g_object_ref (task));
}

void
gk_write_job_run (GtkWidget           *where,
                  GkDatabase          *db,
                  const char          *progress,
                  GkDatabaseJobFunc    func,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  gk_write_job_run_full (where, db, progress, NULL, func, data, data_free, callback, user_data);
}

void
gk_write_job_run_full (GtkWidget           *where,
                       GkDatabase          *db,
                       const char          *progress,
                       GCancellable        *cancellable,
                       GkDatabaseJobFunc    func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (GTK_IS_WIDGET (where));
  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (progress != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (func != NULL);

  job = g_new0 (WriteJob, 1);
  job->where = g_object_ref (where);
  job->db = g_object_ref (db);
  job->progress = g_strdup (progress);
  job->caller_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->func = func;
  job->data = data;
  job->data_free = data_free;

  task = g_task_new (where, NULL, callback, user_data);
  g_task_set_source_tag (task, gk_write_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  write_job_start (task);
}

gboolean
gk_write_job_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, gk_write_job_run), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
gk_write_job_get_data (GAsyncResult *result)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, gk_write_job_run), NULL);
  return ((WriteJob *) g_task_get_task_data (G_TASK (result)))->data;
}
