/* gk-catalog-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "preview/gk-notice-exporter.h"
#include "gk-catalog-printer.h"

#define POINTS_PER_MM (72.0 / 25.4)

typedef struct
{
  GtkWindow         *parent;
  GkCatalogRenderer *renderer;
  char              *title;
  GBytes            *pdf;
  gboolean           export;
  gboolean           done;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->renderer);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job->title);
  g_free (job);
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The renderer draws in points from the paper's top-left corner; another
 * paper than A4 gets the page scaled to fit. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width_mm, height_mm, scale;

  gk_catalog_renderer_get_page_size_mm (job->renderer, &width_mm, &height_mm);
  scale = MIN (gtk_print_context_get_width (context) / (width_mm * POINTS_PER_MM),
               gtk_print_context_get_height (context) / (height_mm * POINTS_PER_MM));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  gk_catalog_renderer_draw_page (job->renderer, cr, (guint) page);
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
        show_error (job->parent, _("Could Not Print the Catalog"), error);
    }
  /* The reference taken for the asynchronous run. */
  g_object_unref (operation);
}

static void
run_print_operation (PrintJob *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  GtkPaperSize *paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;
  GtkWindow *parent = job->parent;

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (paper);

  gtk_print_operation_set_n_pages (operation, (int) gk_catalog_renderer_get_n_pages (job->renderer));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
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
        show_error (parent, _("Could Not Print the Catalog"), error);
      g_object_unref (operation);
    }
}

/* In a worker: paginating (print) or the whole PDF (export). */
static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PrintJob *job = task_data;
  GError *error = NULL;

  if (job->export)
    {
      job->pdf = gk_catalog_renderer_render_pdf (job->renderer, &error);
      if (job->pdf == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    gk_catalog_renderer_get_n_pages (job->renderer);
  g_task_return_boolean (task, TRUE);
}

static void
on_laid_out (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (job->parent, job->export ? _("Could Not Save the PDF") : _("Could Not Print the Catalog"), error);
  else if (!job->export)
    {
      /* The print operation owns the job from here. */
      run_print_operation (job);
      return;
    }
  else
    gk_notice_exporter_save (job->parent, job->pdf, job->title);
  print_job_free (job);
}

static void
start (GtkWindow      *parent,
       GkCatalogTable *table,
       gboolean        export)
{
  g_autoptr(GTask) task = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->title = g_strdup (table->title);
  job->renderer = gk_catalog_renderer_new (table);
  job->export = export;

  /* The renderer goes to the worker and comes back when it is done. */
  task = g_task_new (NULL, NULL, on_laid_out, job);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, layout_thread);
}

void
gk_catalog_printer_print (GtkWindow      *parent,
                          GkCatalogTable *table)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (table != NULL);

  start (parent, table, FALSE);
}

void
gk_catalog_printer_export_pdf (GtkWindow      *parent,
                               GkCatalogTable *table)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (table != NULL);

  start (parent, table, TRUE);
}
