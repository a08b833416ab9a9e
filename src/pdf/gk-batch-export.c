/* gk-batch-export.c — many notices to PDF at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calling thread reads the notices one by one (the connection is its
 * own) and hands each to a pool of workers as soon as it is read; a worker
 * lays the notice out and writes its own PDF. For the combined PDF, the
 * calling thread draws the finished renderers' pages in the order given as
 * they come back: the layout is made once for both files. A renderer is
 * used by one thread at a time: the worker, then the calling thread.
 *
 * Where the time goes (perf, 1 000 notices): four fifths of it is cairo
 * writing each single PDF — every PDF surface copies the whole CFF table of
 * every CJK font it uses twice (to learn whether the font is CID-keyed,
 * then to subset it) and deflates the result. Those bytes are what an
 * approval binds, so they are left as they are; a combined PDF alone is one
 * surface and costs a fraction of that — except that an approved notice's
 * own PDF is made anyway, to check it against the approval (as a single
 * export does) before anything of it is written.
 */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <inttypes.h>

#include "core/gk-core-error.h"
#include "core/gk-notices.h"
#include "pdf/gk-batch-export.h"
#include "pdf/gk-notice-print.h"
#include "pdf/gk-pdf-error.h"

#define MM_TO_PT (72.0 / 25.4)

/* What the workers share with the calling thread. */
typedef struct
{
  GCancellable *stop;            /* by the caller, or at the first error */
  GAsyncQueue  *done;            /* Job, back from a worker */
  gboolean      keep_renderers;  /* for the combined PDF */
} Batch;

typedef struct
{
  char             *path;      /* the notice's own PDF; NULL: none */
  GkNotice         *notice;    /* only read once the job is made */
  gboolean          bound;     /* by its approval: checked even with no PATH */
  GkNoticeContent  *content;
  GkNoticeLayout    layout;
  /* results */
  gboolean          finished;  /* back from the worker (the calling thread's) */
  GkNoticeRenderer *renderer;
  GError           *error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_object (&job->notice);
  g_clear_pointer (&job->content, gk_notice_content_free);
  g_clear_object (&job->renderer);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* The hash of the posted PDF that NOTICE's approval bound for LAYOUT; NULL
 * when none binds it (not approved yet, or not the plan's layout). */
static const char *
approved_sha256 (GkNotice       *notice,
                 GkNoticeLayout  layout)
{
  const char *sha256 = gk_notice_get_pdf_sha256 (notice);

  return sha256[0] != '\0' && layout == gk_notice_print_layout (notice) ? sha256 : NULL;
}

gboolean
gk_batch_export_check_approval (GkNotice        *notice,
                                GkNoticeLayout   layout,
                                GBytes          *pdf,
                                GError         **error)
{
  g_autofree char *sha256 = NULL;
  const char *approved;
  const char *fonts;

  g_return_val_if_fail (GK_IS_NOTICE (notice), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  approved = approved_sha256 (notice, layout);
  if (approved == NULL)
    return TRUE;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (g_str_equal (sha256, approved))
    return TRUE;

  fonts = gk_notice_get_font_report (notice);
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("This desktop prints notice %" PRId64 " differently from the approved PDF (other fonts?); approved with: %s"),
               gk_notice_get_id (notice), fonts[0] != '\0' ? fonts : _("the preferred fonts"));
  return FALSE;
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
  Batch *batch = user_data;

  if (!g_cancellable_set_error_if_cancelled (batch->stop, &job->error))
    {
      job->renderer = gk_notice_renderer_new (job->content, job->layout);
      if (job->path != NULL || job->bound)
        {
          g_autoptr(GBytes) pdf = gk_notice_renderer_render_pdf (job->renderer, &job->error);

          if (pdf != NULL && gk_batch_export_check_approval (job->notice, job->layout, pdf, &job->error) &&
              job->path != NULL)
            g_file_set_contents (job->path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                 &job->error);
        }
      else
        {
          /* Lays the notice out here rather than on the drawing thread. */
          gk_notice_renderer_get_n_pages (job->renderer);
        }
      if (!batch->keep_renderers || job->error != NULL)
        g_clear_object (&job->renderer);
    }
  g_async_queue_push (batch->done, job);
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

/* The notice's content, read on the thread that owns DB. */
static Job *
read_job (GkDatabase  *db,
          gint64       id,
          const char  *folder,
          GError     **error)
{
  g_autoptr(GkNotice) notice = gk_notices_get (db, id, error);
  g_autoptr(Job) job = NULL;

  if (notice == NULL)
    return NULL;
  job = g_new0 (Job, 1);
  job->content = gk_notice_print_content (db, notice, error);
  if (job->content == NULL)
    return NULL;
  job->layout = gk_notice_print_layout (notice);
  job->bound = approved_sha256 (notice, job->layout) != NULL;
  job->notice = g_steal_pointer (&notice);
  if (folder != NULL)
    {
      g_autofree char *name = file_name (id, gk_notice_get_title (job->notice));

      job->path = g_build_filename (folder, name, NULL);
    }
  return g_steal_pointer (&job);
}

/* The combined PDF, written under a temporary name beside PATH (PARTIAL)
 * so that PATH only ever holds a complete file. */
static cairo_surface_t *
combined_new (const char  *path,
              char       **partial,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pattern = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, pattern, NULL);
  cairo_surface_t *surface;
  int fd = g_mkstemp (tmp);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Cannot write “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  /* The first page's size is set again before each page is drawn. */
  surface = cairo_pdf_surface_create (tmp, 595, 842);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, _("Cannot write “%s”: %s"),
                   path, cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      g_unlink (tmp);
      return NULL;
    }
  *partial = g_steal_pointer (&tmp);
  return surface;
}

/* Finishes the combined PDF and gives it its name, or throws it away. */
static gboolean
combined_close (cairo_surface_t  *surface,
                const char       *partial,
                const char       *path,
                gboolean          keep,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (keep && status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, _("Cannot write “%s”: %s"),
                 path, cairo_status_to_string (status));
  else if (keep && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Cannot write “%s”: %s"),
                   path, g_strerror (saved_errno));
    }
  else if (keep)
    return TRUE;
  g_unlink (partial);
  return FALSE;
}

static void
on_cancelled (GCancellable *cancellable,
              GCancellable *stop)
{
  g_cancellable_cancel (stop);
}

/* The first error that is not a consequence of stopping the others. */
static void
note_error (Batch   *batch,
            GError **first_error,
            GError  *error)
{
  if (error == NULL || *first_error != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  *first_error = g_error_copy (error);
  g_cancellable_cancel (batch->stop);
}

static void
count_done (guint                 *done,
            guint                  total,
            GkBatchExportProgress  progress,
            gpointer               user_data)
{
  ++*done;
  if (progress != NULL)
    progress (*done, total, user_data);
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
                 guint                  *n_written,
                 GError                **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GError) first_error = NULL;
  g_autofree char *partial = NULL;
  cairo_surface_t *combined = NULL;
  Batch batch = { 0 };
  GThreadPool *pool;
  gulong handler = 0;
  guint total = notice_ids != NULL ? notice_ids->len : 0;
  guint returned = 0, next = 0, files = 0, done = 0;
  gboolean complete;

  g_return_val_if_fail (database_path != NULL && notice_ids != NULL, FALSE);
  g_return_val_if_fail (folder != NULL || combined_path != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;
  if (folder != NULL && g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Cannot create the folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }
  db = gk_database_open_full (database_path, NULL, GK_DATABASE_OPEN_READ_ONLY, error);
  if (db == NULL)
    return FALSE;
  if (combined_path != NULL && (combined = combined_new (combined_path, &partial, error)) == NULL)
    return FALSE;

  batch.stop = g_cancellable_new ();
  batch.done = g_async_queue_new ();
  batch.keep_renderers = combined != NULL;
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), g_object_ref (batch.stop),
                                     g_object_unref);

  /* The workers start on the first notice while the others are read. */
  pool = g_thread_pool_new (render_job, &batch, (int) MAX (1, n_threads), TRUE, NULL);
  for (guint i = 0; i < total && !g_cancellable_is_cancelled (batch.stop); i++)
    {
      g_autoptr(GError) read_error = NULL;
      Job *job = read_job (db, g_array_index (notice_ids, gint64, i), folder, &read_error);

      if (job == NULL)
        {
          note_error (&batch, &first_error, read_error);
          break;
        }
      g_ptr_array_add (jobs, job);
      g_thread_pool_push (pool, job, NULL);
    }

  while (returned < jobs->len)
    {
      Job *job = g_async_queue_pop (batch.done);

      returned++;
      job->finished = TRUE;
      note_error (&batch, &first_error, job->error);
      if (job->error == NULL && job->path != NULL)
        files++;

      if (combined == NULL)
        {
          if (job->error == NULL)
            count_done (&done, total, progress, user_data);
          continue;
        }
      /* Draw, in order, whatever has come back. */
      while (next < jobs->len && ((Job *) g_ptr_array_index (jobs, next))->finished)
        {
          Job *in_order = g_ptr_array_index (jobs, next++);

          if (in_order->renderer != NULL && first_error == NULL)
            {
              draw_pages (combined, in_order->renderer);
              count_done (&done, total, progress, user_data);
            }
          g_clear_object (&in_order->renderer);
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);

  /* DONE counts the notices drawn into the combined PDF, else the files. */
  complete = first_error == NULL && done == total && (folder == NULL || files == total);
  if (!complete && first_error == NULL)
    g_set_error_literal (&first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
  if (combined != NULL && !combined_close (combined, partial, combined_path, complete,
                                           complete ? &first_error : NULL))
    complete = FALSE;

  g_cancellable_cancel (batch.stop);
  g_object_unref (batch.stop);
  g_async_queue_unref (batch.done);

  if (n_written != NULL)
    *n_written = folder != NULL ? files : complete ? total : 0;
  if (!complete)
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
  GDestroyNotify         progress_destroy;
  GMainContext          *context;
  guint                  n_written;
} AsyncExport;

typedef struct
{
  GTask *task;   /* keeps the AsyncExport, hence the progress data, alive */
  guint  done;
  guint  total;
} ProgressCall;

static gboolean
nothing (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
async_export_free (AsyncExport *export)
{
  /* The last reference may go in the worker thread: the progress data
   * (a widget) is let go of in the caller's context. */
  if (export->progress_destroy != NULL)
    g_main_context_invoke_full (export->context, G_PRIORITY_DEFAULT, nothing, export->progress_data,
                                export->progress_destroy);
  g_free (export->database_path);
  g_array_unref (export->notice_ids);
  g_free (export->folder);
  g_free (export->combined_path);
  g_main_context_unref (export->context);
  g_free (export);
}

static void
progress_call_free (ProgressCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

static gboolean
call_progress (gpointer data)
{
  ProgressCall *call = data;
  AsyncExport *export = g_task_get_task_data (call->task);

  export->progress (call->done, call->total, export->progress_data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  GTask *task = user_data;
  AsyncExport *export = g_task_get_task_data (task);
  ProgressCall *call = g_new (ProgressCall, 1);

  *call = (ProgressCall) { g_object_ref (task), done, total };
  g_main_context_invoke_full (export->context, G_PRIORITY_DEFAULT, call_progress, call,
                              (GDestroyNotify) progress_call_free);
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
                       export->n_threads, cancellable, export->progress ? forward_progress : NULL, task,
                       &export->n_written, &error))
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
                       GDestroyNotify          progress_destroy,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncExport *export;

  g_return_if_fail (database_path != NULL && notice_ids != NULL);
  g_return_if_fail (folder != NULL || combined_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  export = g_new0 (AsyncExport, 1);
  export->database_path = g_strdup (database_path);
  export->notice_ids = g_array_ref (notice_ids);
  export->folder = g_strdup (folder);
  export->combined_path = g_strdup (combined_path);
  export->n_threads = n_threads;
  export->progress = progress;
  export->progress_data = progress_data;
  export->progress_destroy = progress_destroy;
  export->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, gk_batch_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) async_export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gk_batch_export_finish (GAsyncResult  *result,
                        guint         *n_written,
                        GError       **error)
{
  AsyncExport *export;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  export = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = export->n_written;
  return g_task_propagate_boolean (G_TASK (result), error);
}
