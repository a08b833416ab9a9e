/* gk-pdf-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gk-pdf-print-operation.h"

#define POINTS_PER_MM (72.0 / 25.4)

typedef struct
{
  GtkWindow          *parent;
  GObject            *renderer;
  GkPdfPrintDrawFunc  draw_page;
  double              width_mm;
  double              height_mm;
  char               *error_heading;
  gboolean            done;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->renderer);
  g_free (job->error_heading);
  g_free (job);
}

static void
show_error (PrintJob     *job,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (job->parent, job->error_heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The context is in points, like the renderer, but the user may have
 * chosen another paper: the page is scaled to fit it. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale;

  scale = MIN (gtk_print_context_get_width (context) / (job->width_mm * POINTS_PER_MM),
               gtk_print_context_get_height (context) / (job->height_mm * POINTS_PER_MM));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  job->draw_page (job->renderer, cr, (guint) page);
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
        show_error (job, error);
    }
  /* The reference taken for the asynchronous run. */
  g_object_unref (operation);
}

GtkPageSetup *
gk_pdf_print_page_setup_new (const char *paper_name)
{
  GtkPageSetup *setup;
  GtkPaperSize *paper;

  g_return_val_if_fail (paper_name != NULL, NULL);

  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (paper_name);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (paper);
  return setup;
}

void
gk_pdf_print_operation_run (GtkWindow          *parent,
                            GObject            *renderer,
                            GkPdfPrintDrawFunc  draw_page,
                            guint               n_pages,
                            double              width_mm,
                            double              height_mm,
                            GtkPageSetup       *setup,
                            const char         *job_name,
                            const char         *error_heading)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_OBJECT (renderer));
  g_return_if_fail (draw_page != NULL);
  g_return_if_fail (width_mm > 0 && height_mm > 0);
  g_return_if_fail (GTK_IS_PAGE_SETUP (setup));
  g_return_if_fail (error_heading != NULL);

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->renderer = g_object_ref (renderer);
  job->draw_page = draw_page;
  job->width_mm = width_mm;
  job->height_mm = height_mm;
  job->error_heading = g_strdup (error_heading);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (job_name != NULL && *job_name != '\0')
    gtk_print_operation_set_job_name (operation, job_name);

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
        show_error (job, error);
      g_object_unref (operation);
    }
}
