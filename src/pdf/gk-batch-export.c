/* gk-batch-export.c — many notices to PDF at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calling thread reads every notice's content (the connection is
 * its own), hands the contents to a pool of workers that lay out, render
 * and write each notice, and, for the combined PDF, draws the finished
 * renderers' pages in the order given as they come back. A renderer is
 * used by one thread at a time: the worker, then the calling thread.
 */

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <inttypes.h>

#include "core/gk-notices.h"
#include "pdf/gk-batch-export.h"
#include "pdf/gk-notice-print.h"
#include "pdf/gk-pdf-error.h"

#define MM_TO_PT (72.0 / 25.4)

typedef struct
{
  guint             index;
  char             *path;
  GkNoticeContent  *content;
  GkNoticeLayout    layout;
  gboolean          keep_renderer;
  GCancellable     *cancellable;
  GAsyncQueue      *done;
  /* results */
  gboolean          finished;  /* back from the worker (the calling thread's) */
  GkNoticeRenderer *renderer;
  GError           *error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->content, gk_notice_content_free);
  g_clear_object (&job->renderer);
  g_clear_error (&job->error);
  g_free (job);
}

/* A file name from the notice's id and title, safe on any filesystem. */
static char *
file_name (gint64      id,
           const char *title)
{
  g_autofree char *short_title = g_utf8_substring (title, 0, MIN (40, g_utf8_strlen (title, -1)));
  g_autoptr(GString) name = g_string_new (NULL);

  g_string_printf (name, "%" G_GINT64_FORMAT " ", id);
  for (const char *p = short_title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
          c == '<' || c == '>' || c == '|')
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
render_job (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  g_autoptr(GBytes) pdf = NULL;

  if (!g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
    {
      job->renderer = gk_notice_renderer_new (job->content, job->layout);
      pdf = gk_notice_renderer_render_pdf (job->renderer, &job->error);
      if (pdf != NULL)
        g_file_set_contents (job->path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &job->error);
      if (!job->keep_renderer)
        g_clear_object (&job->renderer);
    }
  g_async_queue_push (job->done, job);
}

static void
draw_pages (cairo_surface_t  *surface,
            GkNoticeRenderer *renderer)
{
  cairo_t *cr = cairo_create (surface);
  double width, height;

  gk_notice_renderer_get_page_size_mm (renderer, &width, &height);
  for (guint page = 0; page < gk_notice_renderer_get_n_pages (renderer); page++)
    {
      cairo_pdf_surface_set_size (surface, width * MM_TO_PT, height * MM_TO_PT);
      cairo_save (cr);
      gk_notice_renderer_draw_page (renderer, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
}

/* Reads every notice's content: the connection belongs to this thread. */
static GPtrArray *
read_jobs (const char    *database_path,
           GArray        *notice_ids,
           const char    *folder,
           gboolean       keep_renderers,
           GCancellable  *cancellable,
           GAsyncQueue   *done,
           GError       **error)
{
  g_autoptr(GkDatabase) db = gk_database_open_full (database_path, NULL, GK_DATABASE_OPEN_READ_ONLY, error);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);

  if (db == NULL)
    return NULL;
  for (guint i = 0; i < notice_ids->len; i++)
    {
      gint64 id = g_array_index (notice_ids, gint64, i);
      g_autoptr(GkNotice) notice = gk_notices_get (db, id, error);
      g_autofree char *name = NULL;
      Job *job;

      if (notice == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      job = g_new0 (Job, 1);
      job->index = i;
      job->content = gk_notice_print_content (db, notice, error);
      if (job->content == NULL)
        {
          job_free (job);
          return NULL;
        }
      job->layout = gk_notice_print_layout (notice);
      name = file_name (id, gk_notice_get_title (notice));
      job->path = g_build_filename (folder, name, NULL);
      job->keep_renderer = keep_renderers;
      job->cancellable = cancellable;
      job->done = done;
      g_ptr_array_add (jobs, job);
    }
  return g_steal_pointer (&jobs);
}

gboolean
gk_batch_export (const char             *database_path,
                 GArray                 *notice_ids,
                 const char             *folder,
                 const char             *combined_path,
                 guint                   n_threads,
                 GCancellable           *cancellable,
                 GkBatchExportProgress   progress,
                 gpointer                user_data,
                 GError                **error)
{
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) first_error = NULL;
  cairo_surface_t *combined = NULL;
  GThreadPool *pool;
  guint next = 0;

  g_return_val_if_fail (database_path != NULL && notice_ids != NULL && folder != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FAILED, _("Cannot create the folder “%s”"), folder);
      return FALSE;
    }
  jobs = read_jobs (database_path, notice_ids, folder, combined_path != NULL, cancellable, done, error);
  if (jobs == NULL)
    return FALSE;

  if (combined_path != NULL)
    {
      /* The first page's size is set again before each page is drawn. */
      combined = cairo_pdf_surface_create (combined_path, 595, 842);
      if (cairo_surface_status (combined) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, _("Cannot write “%s”: %s"),
                       combined_path, cairo_status_to_string (cairo_surface_status (combined)));
          cairo_surface_destroy (combined);
          return FALSE;
        }
    }

  pool = g_thread_pool_new (render_job, NULL, (int) MAX (1, n_threads), TRUE, NULL);
  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (jobs, i), NULL);

  for (guint finished = 0; finished < jobs->len; finished++)
    {
      Job *job = g_async_queue_pop (done);

      if (job->error != NULL && first_error == NULL)
        first_error = g_error_copy (job->error);
      if (progress != NULL)
        progress (finished + 1, jobs->len, user_data);

      /* Draw, in order, whatever has come back. */
      job->finished = TRUE;
      while (combined != NULL && next < jobs->len && ((Job *) g_ptr_array_index (jobs, next))->finished)
        {
          Job *in_order = g_ptr_array_index (jobs, next++);

          if (in_order->renderer != NULL && first_error == NULL)
            draw_pages (combined, in_order->renderer);
          g_clear_object (&in_order->renderer);
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  if (combined != NULL)
    {
      cairo_surface_finish (combined);
      if (cairo_surface_status (combined) != CAIRO_STATUS_SUCCESS && first_error == NULL)
        g_set_error (&first_error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, _("Cannot write “%s”: %s"),
                     combined_path, cairo_status_to_string (cairo_surface_status (combined)));
      cairo_surface_destroy (combined);
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- in a GTask thread ---- */

typedef struct
{
  char                  *database_path;
  GArray                *notice_ids;
  char                  *folder;
  char                  *combined_path;
  guint                  n_threads;
  GkBatchExportProgress  progress;
  gpointer               progress_data;
  GMainContext          *context;
} AsyncExport;

typedef struct
{
  AsyncExport *export;
  guint        done;
  guint        total;
} ProgressCall;

static void
async_export_free (AsyncExport *export)
{
  g_free (export->database_path);
  g_array_unref (export->notice_ids);
  g_free (export->folder);
  g_free (export->combined_path);
  g_main_context_unref (export->context);
  g_free (export);
}

static gboolean
call_progress (gpointer data)
{
  ProgressCall *call = data;

  call->export->progress (call->done, call->total, call->export->progress_data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  AsyncExport *export = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);

  *call = (ProgressCall) { export, done, total };
  g_main_context_invoke_full (export->context, G_PRIORITY_DEFAULT, call_progress, call, g_free);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncExport *export = task_data;
  GError *error = NULL;

  if (gk_batch_export (export->database_path, export->notice_ids, export->folder, export->combined_path,
                       export->n_threads, cancellable, export->progress ? forward_progress : NULL, export, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gk_batch_export_async (const char             *database_path,
                       GArray                 *notice_ids,
                       const char             *folder,
                       const char             *combined_path,
                       guint                   n_threads,
                       GCancellable           *cancellable,
                       GkBatchExportProgress   progress,
                       gpointer                progress_data,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncExport *export = g_new0 (AsyncExport, 1);

  g_return_if_fail (database_path != NULL && notice_ids != NULL && folder != NULL);

  export->database_path = g_strdup (database_path);
  export->notice_ids = g_array_ref (notice_ids);
  export->folder = g_strdup (folder);
  export->combined_path = g_strdup (combined_path);
  export->n_threads = n_threads;
  export->progress = progress;
  export->progress_data = progress_data;
  export->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, gk_batch_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) async_export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gk_batch_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
