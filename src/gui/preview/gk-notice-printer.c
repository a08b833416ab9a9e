/* gk-notice-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gk-notice-printer.h"

#define POINTS_PER_MM (72.0 / 25.4)

typedef struct
{
  GtkWindow        *parent;
  GkNoticeRenderer *renderer;
  GkNoticeLayout    layout;
  char             *title;
  gboolean          done;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->renderer);
  g_free (job->title);
  g_free (job);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print the Notice"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The renderer draws in points from the paper's top-left corner; the
 * context is in points too, but the user may have chosen another paper:
 * the page is scaled to fit it. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width_mm, height_mm, scale;

  gk_notice_renderer_get_page_size_mm (job->renderer, &width_mm, &height_mm);
  scale = MIN (gtk_print_context_get_width (context) / (width_mm * POINTS_PER_MM),
               gtk_print_context_get_height (context) / (height_mm * POINTS_PER_MM));

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  gk_notice_renderer_draw_page (job->renderer, cr, (guint) page);
  cairo_restore (cr);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (job->done)
    return;
  job->done = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (job->parent, error);
    }
  /* The reference taken for the asynchronous run. */
  g_object_unref (operation);
}

static GtkPageSetup *
page_setup_for_layout (GkNoticeLayout layout)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *paper;

  paper = gtk_paper_size_new (layout == GK_NOTICE_LAYOUT_A3 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (paper);
  return setup;
}

static void
run_print_operation (PrintJob *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for_layout (job->layout);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkWindow *parent = job->parent;

  gtk_print_operation_set_n_pages (operation, (int) gk_notice_renderer_get_n_pages (job->renderer));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (job->title != NULL && *job->title != '\0')
    gtk_print_operation_set_job_name (operation, job->title);

  g_object_set_data_full (G_OBJECT (operation), "gk-print-job", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);

  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);

  /* Finished at once (an error, or no asynchronous support): "done" may
   * not have come. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && !job->done)
    {
      job->done = TRUE;
      if (error != NULL)
        show_error (parent, error);
      g_object_unref (operation);
    }
}

static void
paginate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  gk_notice_renderer_get_n_pages (GK_NOTICE_RENDERER (task_data));
  g_task_return_boolean (task, TRUE);
}

static void
on_paginated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
  run_print_operation (user_data);
}

void
gk_notice_printer_print (GtkWindow             *parent,
                         const GkNoticeContent *content,
                         GkNoticeLayout         layout)
{
  g_autoptr(GTask) task = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (content != NULL);

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->renderer = gk_notice_renderer_new (content, layout);
  job->layout = layout;
  job->title = g_strdup (content->title);

  /* Laying out the pages is the slow part: it runs in a worker, and the
   * renderer comes back to this thread only when it is done. */
  task = g_task_new (NULL, NULL, on_paginated, job);
  g_task_set_source_tag (task, gk_notice_printer_print);
  g_task_set_task_data (task, g_object_ref (job->renderer), g_object_unref);
  g_task_run_in_thread (task, paginate_thread);
}
